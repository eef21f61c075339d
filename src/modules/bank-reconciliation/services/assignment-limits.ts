import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { bulkEntityIds } from "../bulk-entity-ids"
import type { AssignmentChange } from "../types"
import { type Knex, type LockedTransaction, rawAmount } from "./locked-sql"

/** The payment_assignment rows a change creates. */
export function assignmentRows(change: AssignmentChange, now: Date, ids: string[] = bulkEntityIds("pasg", change.create?.length ?? 0, now.getTime())) {
  return (change.create ?? []).map((row, i) => ({
    id: ids[i],
    transaction_id: change.transaction_id,
    order_id: row.order_id,
    customer_id: row.customer_id ?? null,
    amount: row.amount,
    raw_amount: rawAmount(row.amount),
    currency_code: row.currency_code,
    source: row.source,
    status: row.status,
    confidence: row.confidence ?? null,
    evidence: row.evidence ? JSON.stringify(row.evidence) : null,
    confirmed_at: row.status === "confirmed" ? now : null,
    confirmed_by: row.status === "confirmed" ? row.confirmed_by ?? null : null,
    created_by: row.created_by ?? null,
  }))
}

/** Refuses a change after which the payment's assignments exceed its amount or an order is assigned more than it owes. */
export async function assertWithinLimits(knex: Knex, transaction: LockedTransaction, orderLimits: Record<string, { pending: string; label: string }>) {
  const [{ assigned }] = (
    await knex.raw(
      `select coalesce(sum(amount), 0)::text as assigned from payment_assignment
        where transaction_id = ? and status in ('confirmed', 'booking', 'booked') and deleted_at is null`,
      [transaction.id]
    )
  ).rows
  if (MathBN.gt(assigned, transaction.amount)) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `The assignments (${MathBN.convert(assigned).toFixed(2)}) would exceed the payment's amount of ${MathBN.convert(transaction.amount).toFixed(2)}; lower an amount or remove another assignment first.`
    )
  }
  const orderIds = Object.keys(orderLimits)
  if (!orderIds.length) {
    return
  }
  const rows: { order_id: string; total: string }[] = (
    await knex.raw(
      `select order_id, sum(amount)::text as total from payment_assignment
        where order_id in (${orderIds.map(() => "?").join(", ")}) and status in ('confirmed', 'booking') and deleted_at is null group by order_id`,
      orderIds
    )
  ).rows
  for (const row of rows) {
    const limit = orderLimits[row.order_id]
    if (MathBN.gt(row.total, limit.pending)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Order ${limit.label} owes ${MathBN.convert(limit.pending).toFixed(2)}, but ${MathBN.convert(row.total).toFixed(2)} would be assigned to it; assign at most what is still open.`
      )
    }
  }
}
