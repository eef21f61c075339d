import type { Context, DAL } from "@medusajs/framework/types"
import { InjectTransactionManager, MathBN, MedusaContext, MedusaError } from "@medusajs/framework/utils"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import type { AppliedAssignmentChange, AssignmentChange, AssignmentSnapshot } from "../types"
import { bulkEntityIds } from "../bulk-entity-ids"
import { assertWithinLimits, assignmentRows } from "./assignment-limits"
import { insertRowsAsJson, lockingKnex, lockTransactionRow, rawAmount } from "./locked-sql"
import { assignmentEvents, deletePaymentEvents, insertPaymentEvents } from "./payment-events"
import { refreshTransactionStatuses } from "./transaction-statuses"

/** The payment_assignment columns a change snapshots before it touches a row (what revert puts back). */
const SNAPSHOT_COLUMNS = ["id", "order_id", "amount", "status", "confirmed_at", "confirmed_by", "deleted_at"] as const satisfies readonly (keyof AssignmentSnapshot)[]

// Thrown inside the bulk transaction to roll it back; the caller falls back to one change at a time.
class BulkRefused extends Error {}

/**
 * The locked writes on assignments and their payments: each runs in the caller's database
 * transaction, or opens its own. Payment rows are locked `for update`, orders by advisory locks,
 * always in a stable order.
 */
export class AssignmentLedger {
  constructor(protected readonly baseRepository_: DAL.RepositoryService) {}

  @InjectTransactionManager()
  async applyAssignmentChanges(
    change: AssignmentChange,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<AppliedAssignmentChange> {
    const knex = lockingKnex(sharedContext)
    const transaction = await lockTransactionRow(knex, change.transaction_id)
    if (transaction.status === "ignored") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This payment is marked as not for this shop; undo that first, then assign it.")
    }
    const orderIds = [...new Set([...Object.keys(change.order_limits ?? {}), ...(change.create ?? []).map((c) => c.order_id)])].sort()
    for (const orderId of orderIds) {
      await knex.raw("select pg_advisory_xact_lock(hashtext(?))", [`finapi-order:${orderId}`])
    }
    const touched = [...(change.update ?? []).map((u) => u.id), ...(change.remove ?? [])]
    const previous: AssignmentSnapshot[] = touched.length
      ? await knex("payment_assignment")
          .select(...SNAPSHOT_COLUMNS)
          .whereIn("id", touched)
          .forUpdate()
          .andWhere("transaction_id", change.transaction_id)
      : []
    const missing = touched.find((id) => !previous.some((row) => row.id === id))
    if (missing) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Assignment ${missing} of payment ${change.transaction_id} was not found; reload the payment.`)
    }
    const now = new Date()
    // a claimed or booked assignment is the booking run's: re-checked in the same statement as the write
    const bookingOwned = previous.find((row) => row.status === "booking" || row.status === "booked")
    if (bookingOwned) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Assignment ${bookingOwned.id} is ${bookingOwned.status === "booked" ? "booked already" : "being booked right now"} and cannot change; reload the payment.`)
    }
    if (change.remove?.length) {
      await knex("payment_assignment").whereIn("id", change.remove).update({ deleted_at: now, updated_at: now })
    }
    for (const update of change.update ?? []) {
      await knex("payment_assignment")
        .where("id", update.id)
        .update({
          ...(update.amount ? { amount: update.amount, raw_amount: rawAmount(update.amount) } : {}),
          ...(update.status ? { status: update.status } : {}),
          ...(update.status === "confirmed" ? { confirmed_at: now, confirmed_by: update.confirmed_by ?? null } : {}),
          updated_at: now,
        })
    }
    const created = assignmentRows(change, now)
    if (created.length) {
      await knex("payment_assignment").insert(created)
    }
    await assertWithinLimits(knex, transaction, change.order_limits ?? {})
    await refreshTransactionStatuses(sharedContext.transactionManager!, [change.transaction_id])
    const event_ids = await insertPaymentEvents(knex, assignmentEvents(change, created, previous))
    return { transaction_id: change.transaction_id, created_ids: created.map((row) => row.id), previous, event_ids }
  }

  /** applyAssignmentChanges for many payments in one transaction; null when any does not fit (nothing written). */
  async applyAssignmentChangesInBulk(changes: AssignmentChange[], sharedContext: Context<EntityManager>): Promise<AppliedAssignmentChange[] | null> {
    try {
      return await this.applyAssignmentChangesInBulk_(changes, sharedContext)
    } catch (error) {
      if (error instanceof BulkRefused) {
        return null
      }
      throw error
    }
  }

  @InjectTransactionManager()
  protected async applyAssignmentChangesInBulk_(
    changes: AssignmentChange[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<AppliedAssignmentChange[]> {
    if (!changes.length || changes.some((c) => c.update?.length)) {
      throw new BulkRefused()
    }
    const knex = lockingKnex(sharedContext)
    await knex.raw("set local lock_timeout = '10s'")
    const ids = [...new Set(changes.map((c) => c.transaction_id))].sort()
    if (ids.length !== changes.length) {
      throw new BulkRefused()
    }
    const locked: { id: string; status: string }[] = (
      await knex.raw(`select id, status from bank_transaction where id = any(?) and deleted_at is null order by id for update`, [ids])
    ).rows
    if (locked.length !== ids.length || locked.some((row) => row.status === "ignored")) {
      throw new BulkRefused()
    }
    const limits = Object.assign({}, ...changes.map((c) => c.order_limits ?? {})) as Record<string, { pending: string; label: string }>
    const orderIds = [...new Set([...Object.keys(limits), ...changes.flatMap((c) => (c.create ?? []).map((row) => row.order_id))])].sort()
    // one statement, locks taken in the array's (sorted) order
    await knex.raw(`select count(pg_advisory_xact_lock(hashtext(k))) from unnest(?::text[]) as u(k)`, [orderIds.map((id) => `finapi-order:${id}`)])
    const removed = changes.flatMap((c) => (c.remove ?? []).map((id) => ({ id, transaction_id: c.transaction_id })))
    const previous: (AssignmentSnapshot & { transaction_id: string })[] = removed.length
      ? await knex("payment_assignment")
          .select("transaction_id", ...SNAPSHOT_COLUMNS)
          .whereIn("id", removed.map((r) => r.id))
      : []
    if (removed.some((r) => !previous.some((p) => p.id === r.id && p.transaction_id === r.transaction_id && !p.deleted_at))) {
      throw new BulkRefused()
    }
    const now = new Date()
    if (removed.length) {
      await knex("payment_assignment").whereIn("id", removed.map((r) => r.id)).update({ deleted_at: now, updated_at: now })
    }
    const rowIds = bulkEntityIds("pasg", changes.reduce((n, change) => n + (change.create?.length ?? 0), 0), now.getTime())
    let drawn = 0
    const created = changes.map((change) => assignmentRows(change, now, rowIds.slice(drawn, (drawn += change.create?.length ?? 0))))
    if (created.flat().length) {
      await insertRowsAsJson(knex, "payment_assignment", created.flat(), ["raw_amount", "evidence"])
    }
    const overPaid = await knex.raw(
      `select t.id from bank_transaction t
         join (select transaction_id, sum(amount) as total from payment_assignment
                where transaction_id = any(?) and status in ('confirmed', 'booking', 'booked') and deleted_at is null
                group by transaction_id) a on a.transaction_id = t.id
        where a.total > t.amount limit 1`,
      [ids]
    )
    const limited = Object.keys(limits)
    const orderTotals: { order_id: string; total: string }[] = limited.length
      ? (
          await knex.raw(
            `select order_id, sum(amount)::text as total from payment_assignment
              where order_id = any(?) and status in ('confirmed', 'booking') and deleted_at is null group by order_id`,
            [limited]
          )
        ).rows
      : []
    if (overPaid.rows.length || orderTotals.some((row) => MathBN.gt(row.total, limits[row.order_id].pending))) {
      throw new BulkRefused()
    }
    await refreshTransactionStatuses(sharedContext.transactionManager!, ids, changes.filter((c) => c.matched).map((c) => c.transaction_id))
    const before = changes.map((change) => previous.filter((p) => p.transaction_id === change.transaction_id).map(({ transaction_id: _, ...row }) => row))
    // the payments' history, as applyAssignmentChanges writes it; ids come back in the events' order
    const events = changes.map((change, i) => assignmentEvents(change, created[i], before[i]))
    const eventIds = await insertPaymentEvents(knex, events.flat())
    let next = 0
    return changes.map((change, i) => ({
      transaction_id: change.transaction_id,
      created_ids: created[i].map((row) => row.id),
      previous: before[i],
      event_ids: eventIds.slice(next, (next += events[i].length)),
    }))
  }

  @InjectTransactionManager()
  async revertAssignmentChanges(
    applied: AppliedAssignmentChange,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    const knex = lockingKnex(sharedContext)
    await lockTransactionRow(knex, applied.transaction_id)
    await deletePaymentEvents(knex, applied.event_ids)
    if (applied.created_ids.length) {
      await knex("payment_assignment").whereIn("id", applied.created_ids).delete()
    }
    for (const { order_id: _order, ...row } of applied.previous) {
      await knex("payment_assignment")
        .where("id", row.id)
        .update({ ...row, amount: String(row.amount), raw_amount: rawAmount(String(row.amount)), updated_at: new Date() })
    }
    await refreshTransactionStatuses(sharedContext.transactionManager!, [applied.transaction_id])
  }

  @InjectTransactionManager()
  async setTransactionIgnored(
    transactionId: string,
    reason: string | null,
    actorId: string | null,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ status: string; ignore_reason: string | null; event_id: string }> {
    const knex = lockingKnex(sharedContext)
    const transaction = await lockTransactionRow(knex, transactionId)
    if (reason !== null && !["unassigned", "proposed", "ignored"].includes(transaction.status)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "This payment is already assigned to orders; remove its assignments first, then mark it as not for this shop."
      )
    }
    await knex("bank_transaction")
      .where("id", transactionId)
      .update({ status: reason === null ? "unassigned" : "ignored", ignore_reason: reason, updated_at: new Date() })
    if (reason === null) {
      await refreshTransactionStatuses(sharedContext.transactionManager!, [transactionId])
    }
    const [event_id] = await insertPaymentEvents(knex, [
      { transaction_id: transactionId, kind: reason === null ? "unignored" : "ignored", actor_type: "user", actor_id: actorId, details: reason === null ? null : { reason } },
    ])
    return { status: transaction.status, ignore_reason: transaction.ignore_reason, event_id }
  }

  @InjectTransactionManager()
  async restoreTransactionIgnore(
    transactionId: string,
    previous: { status: string; ignore_reason: string | null; event_id?: string },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    const knex = lockingKnex(sharedContext)
    await knex("bank_transaction")
      .where("id", transactionId)
      .update({ status: previous.status, ignore_reason: previous.ignore_reason, updated_at: new Date() })
    await deletePaymentEvents(knex, previous.event_id ? [previous.event_id] : [])
  }

  @InjectTransactionManager()
  async deletePaymentEventsById(ids: string[], @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    await deletePaymentEvents(lockingKnex(sharedContext), ids)
  }

  @InjectTransactionManager()
  async refreshTransactionStatuses(transactionIds: string[], @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    await refreshTransactionStatuses(sharedContext.transactionManager!, transactionIds)
  }
}
