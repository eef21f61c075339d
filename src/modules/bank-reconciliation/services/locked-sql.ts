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

/** The `raw_<amount>` JSON Medusa's bigNumber columns keep beside the numeric. */
export function rawAmount(amount: string): string {
  return JSON.stringify({ value: amount, precision: 20 })
}
