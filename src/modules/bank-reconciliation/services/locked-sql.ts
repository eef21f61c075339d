import type { Context } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"

export type Knex = ReturnType<EntityManager["getKnex"]>

export type LockedTransaction = { id: string; amount: string; currency_code: string; status: string; ignore_reason: string | null }

/** Whether a statement gave up waiting for a row lock (`lock_timeout`). */
export function isLockTimeout(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | null
  return e?.code === "55P03" || /lock timeout/i.test(e?.message ?? "")
}

// A FOR UPDATE on a pooled (autocommit) connection would release at once; insist on the transaction.
export function lockingKnex(sharedContext: Context<EntityManager>): Knex {
  const knex = sharedContext.transactionManager?.getTransactionContext() as Knex | undefined
  if (!knex) {
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "Assignment changes must run inside a database transaction.")
  }
  return knex
}

/** Locks a payment's row for the rest of the transaction (waiting at most 10 s) and reads what the checks need. */
export async function lockTransactionRow(knex: Knex, id: string): Promise<LockedTransaction> {
  await knex.raw("set local lock_timeout = '10s'")
  const [row] = await knex("bank_transaction")
    .select("id", knex.raw("amount::text as amount"), "currency_code", "status", "ignore_reason")
    .where({ id, deleted_at: null })
    .forUpdate()
  if (!row) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Payment ${id} was not found; reload the list.`)
  }
  return row as LockedTransaction
}

/**
 * Inserts rows (each with the same keys) in one statement with one parameter, their JSON: knex's
 * multi-row insert sends one parameter per value (14 000 for 1 000 assignments) and its SQL building
 * cost more than the insert. `jsonColumns` hold JSON text already (jsonb columns), spliced in as is.
 * Columns not given take their defaults (created_at, updated_at).
 */
export async function insertRowsAsJson(knex: Knex, table: string, rows: Record<string, unknown>[], jsonColumns: string[] = []): Promise<void> {
  if (!rows.length) {
    return
  }
  const columns = Object.keys(rows[0])
  const plainColumns = columns.filter((column) => !jsonColumns.includes(column))
  const text = rows.map((row) => {
    const parts = plainColumns.map((column) => `${JSON.stringify(column)}:${JSON.stringify(row[column] ?? null)}`)
    for (const column of jsonColumns) {
      const value = row[column]
      if (value != null) {
        parts.push(`${JSON.stringify(column)}:${value as string}`)
      }
    }
    return `{${parts.join(",")}}`
  })
  const list = columns.map((column) => `"${column}"`).join(", ")
  await knex.raw(`insert into "${table}" (${list}) select ${list} from json_populate_recordset(null::"${table}", ?::json)`, [`[${text.join(",")}]`])
}

/** The `raw_<amount>` JSON Medusa's bigNumber columns keep beside the numeric. */
export function rawAmount(amount: string): string {
  return JSON.stringify({ value: amount, precision: 20 })
}
