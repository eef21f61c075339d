/**
 * SQL behind learned payers (IBANs and names per customer). A payer IBAN counts as known when it
 * was learned (live row) or when a booked payment / a manual assignment of the customer came from
 * it — unless the operator removed it (a soft-deleted row for that customer and IBAN).
 */
import type { Context, DAL } from "@medusajs/framework/types"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId, InjectTransactionManager, MedusaContext } from "@medusajs/framework/utils"
import type { PayerKind, PayerLesson } from "../learned-payers"

export type LearnedPayerRow = { id: string | null; customer_id: string; kind: PayerKind; value: string; learned_from: string; created_at: string | null }

const REMOVED = `exists (select 1 from learned_payer r where r.customer_id = a.customer_id and r.kind = 'iban'
  and r.normalized = upper(regexp_replace(t.counterpart_iban, '[^A-Za-z0-9]', '', 'g')) and r.deleted_at is not null)`

const FROM_HISTORY = `select distinct a.customer_id, upper(regexp_replace(t.counterpart_iban, '[^A-Za-z0-9]', '', 'g')) as iban
   from payment_assignment a join bank_transaction t on t.id = a.transaction_id and t.deleted_at is null
  where a.customer_id in (?) and a.deleted_at is null and t.counterpart_iban is not null
    and (a.status = 'booked' or (a.status = 'confirmed' and a.source = 'manual')) and not ${REMOVED}`

/** Known IBANs per customer (learned rows and history, minus removed), one row per customer and IBAN. */
export async function knownIbans(manager: EntityManager, customerIds: string[]): Promise<{ customer_id: string; counterpart_iban: string }[]> {
  return await manager.execute(
    `select customer_id, iban as counterpart_iban from (${FROM_HISTORY}) h
      union select customer_id, normalized from learned_payer where customer_id in (?) and kind = 'iban' and deleted_at is null`,
    [customerIds, customerIds]
  )
}

/** Learned payer names per customer. */
export async function payerAliases(manager: EntityManager, customerIds: string[]): Promise<{ customer_id: string; value: string }[]> {
  return await manager.execute(
    `select customer_id, value from learned_payer where customer_id in (?) and kind = 'name' and deleted_at is null order by created_at`,
    [customerIds]
  )
}

/** What the admin shows for one customer: learned rows, and IBANs known from earlier bookings. */
export async function customerLearnedPayers(manager: EntityManager, customerId: string): Promise<LearnedPayerRow[]> {
  const learned: LearnedPayerRow[] = await manager.execute(
    `select id, customer_id, kind, value, learned_from, created_at from learned_payer
      where customer_id = ? and deleted_at is null order by kind, created_at`,
    [customerId]
  )
  const history: { iban: string }[] = await manager.execute(`select iban from (${FROM_HISTORY}) h order by iban`, [[customerId]])
  const seen = new Set(learned.filter((row) => row.kind === "iban").map((row) => row.value))
  const booked = history.filter((row) => !seen.has(row.iban))
    .map((row): LearnedPayerRow => ({ id: null, customer_id: customerId, kind: "iban", value: row.iban, learned_from: "booked", created_at: null }))
  return [...learned, ...booked]
}

/** Inserts the lessons not yet known (live); returns the ids of the rows it created. Safe when run twice at once. */
export async function insertLessons(manager: EntityManager, lessons: PayerLesson[]): Promise<string[]> {
  const ids: string[] = []
  for (const lesson of lessons) {
    const rows: { id: string }[] = await manager.execute(
      `insert into learned_payer (id, customer_id, kind, value, normalized, learned_from, transaction_id, created_by)
       values (?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (customer_id, kind, normalized) where deleted_at is null do nothing returning id`,
      [generateEntityId(undefined, "lpay"), lesson.customer_id, lesson.kind, lesson.value, lesson.normalized, lesson.learned_from, lesson.transaction_id, lesson.created_by]
    )
    ids.push(...rows.map((row) => row.id))
  }
  return ids
}

/**
 * Forgets one IBAN or name of a customer: soft-deletes the live row, or — for an IBAN known only
 * from bookings — records a removed row so the history stops counting. Returns what to undo.
 */
export async function forget(manager: EntityManager, customerId: string, kind: PayerKind, normalized: string): Promise<{ deleted: string[]; created: string[] }> {
  const deleted: { id: string }[] = await manager.execute(
    `update learned_payer set deleted_at = now() where customer_id = ? and kind = ? and normalized = ? and deleted_at is null returning id`,
    [customerId, kind, normalized]
  )
  if (deleted.length || kind !== "iban") {
    return { deleted: deleted.map((row) => row.id), created: [] }
  }
  const id = generateEntityId(undefined, "lpay")
  await manager.execute(
    `insert into learned_payer (id, customer_id, kind, value, normalized, learned_from, deleted_at) values (?, ?, 'iban', ?, ?, 'booked', now())`,
    [id, customerId, normalized, normalized]
  )
  return { deleted: [], created: [id] }
}

/** Undoes `forget` (workflow compensation). */
export async function unforget(manager: EntityManager, undo: { deleted: string[]; created: string[] }): Promise<void> {
  if (undo.deleted.length) {
    await manager.execute(`update learned_payer set deleted_at = null where id in (?)`, [undo.deleted])
  }
  if (undo.created.length) {
    await manager.execute(`delete from learned_payer where id in (?)`, [undo.created])
  }
}

/** Undoes `insertLessons` (workflow compensation). */
export async function deleteLessons(manager: EntityManager, ids: string[]): Promise<void> {
  if (ids.length) {
    await manager.execute(`delete from learned_payer where id in (?)`, [ids])
  }
}

/** Runs a learned-payer write in one database transaction (the caller's, or its own). */
export class LearnedPayerChanges {
  constructor(protected readonly baseRepository_: DAL.RepositoryService) {}

  @InjectTransactionManager()
  async apply<T>(change: (manager: EntityManager) => Promise<T>, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<T> {
    return await change(sharedContext.transactionManager!)
  }
}
