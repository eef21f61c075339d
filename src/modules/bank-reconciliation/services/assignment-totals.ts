import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"

/** The orders among these that have a payment assigned or proposed (not rejected): they are neither reminded nor cancelled. */
export async function listOrdersWithLiveAssignments(manager: EntityManager, orderIds: string[]): Promise<string[]> {
  if (!orderIds.length) {
    return []
  }
  const rows: { order_id: string }[] = await manager.execute(
    `select distinct order_id from payment_assignment
      where order_id in (?) and status in ('proposed', 'confirmed', 'booking', 'booked') and deleted_at is null`,
    [orderIds]
  )
  return rows.map((row) => row.order_id)
}

/** Sum of the non-rejected assignment amounts of a transaction, exact (numeric in SQL), as a decimal string. */
export async function sumAssignedAmount(manager: EntityManager, transactionId: string): Promise<string> {
  const rows = await manager.execute(
    `select coalesce(sum(amount), 0)::text as total from payment_assignment
      where transaction_id = ? and status <> 'rejected' and deleted_at is null`,
    [transactionId]
  )
  return rows[0].total
}

/** Sum of the amounts of the given transactions, exact, as a decimal string. */
export async function sumTransactionAmounts(manager: EntityManager, transactionIds: string[]): Promise<string> {
  if (!transactionIds.length) {
    return "0"
  }
  const rows = await manager.execute(
    `select coalesce(sum(amount), 0)::text as total from bank_transaction
      where id in (?) and deleted_at is null`,
    [transactionIds]
  )
  return rows[0].total
}

/** Per order, the confirmed but not yet booked assignment total, as a decimal string (orders without any are absent). */
export async function sumConfirmedByOrder(manager: EntityManager, orderIds: string[]): Promise<Record<string, string>> {
  if (!orderIds.length) {
    return {}
  }
  const rows: { order_id: string; total: string }[] = await manager.execute(
    `select order_id, sum(amount)::text as total from payment_assignment
      where order_id in (?) and status in ('confirmed', 'booking') and deleted_at is null group by order_id`,
    [orderIds]
  )
  return Object.fromEntries(rows.map((row) => [row.order_id, row.total]))
}
