import type { Context, DAL } from "@medusajs/framework/types"
import { generateEntityId, InjectTransactionManager, MedusaContext, MedusaError } from "@medusajs/framework/utils"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import type { RefundCandidate, RefundExportRecord } from "../types"
import { lockingKnex, rawAmount } from "./locked-sql"

/**
 * Payments with money that belongs to no order and was not refunded yet: late payments for
 * cancelled orders, potential duplicates, overpayments (booked, surplus left) and payments for no
 * order. `surplus` is what a refund would send back (amount less what is assigned). A payment
 * with a suggestion still waiting for the operator is not one (the suggestion may be right), unless
 * it is a potential duplicate or a late payment for a cancelled order.
 */
export async function listRefundCandidates(manager: EntityManager, filter: { ids?: string[]; limit?: number; offset?: number } = {}): Promise<{ candidates: RefundCandidate[]; count: number }> {
  const ids = filter.ids ? `and t.id in (${filter.ids.map(() => "?").join(", ") || "null"})` : ""
  const where = `from bank_transaction t
    where t.deleted_at is null and t.amount > t.assigned_amount
      and (t.held_reason is null or t.held_reason = 'cancelled_order')
      and (t.status = 'unassigned' or (t.status = 'partially_booked' and t.assigned_amount = t.booked_amount)
        or (t.status = 'proposed' and (t.is_potential_duplicate or t.held_reason = 'cancelled_order')))
      and not exists (select 1 from refund_export_item i where i.transaction_id = t.id and i.deleted_at is null) ${ids}`
  const params = filter.ids ?? []
  const candidates: RefundCandidate[] = await manager.execute(
    `select t.id, t.amount::text as amount, (t.amount - t.assigned_amount)::text as surplus, t.currency_code, t.booking_date,
        t.purpose, t.counterpart_name, t.counterpart_iban, t.counterpart_bic, t.status,
        case when t.held_reason = 'cancelled_order' then 'cancelled_order' when t.is_potential_duplicate then 'duplicate'
             when t.booked_amount > 0 then 'overpayment' else 'no_order' end as reason,
        coalesce(t.held_order_id, (select a.order_id from payment_assignment a
          where a.transaction_id = t.id and a.status = 'booked' and a.deleted_at is null order by a.created_at limit 1)) as order_id
      ${where} order by t.booking_date desc, t.id limit ? offset ?`,
    [...params, filter.limit ?? 1000, filter.offset ?? 0]
  )
  const [{ count }] = await manager.execute(`select count(*)::int as count ${where}`, params)
  return { candidates, count }
}

/** Refund files: each stored with its items in one database transaction (the caller's, or its own). */
export class RefundExports {
  constructor(protected readonly baseRepository_: DAL.RepositoryService) {}

  @InjectTransactionManager()
  async recordRefundExport(
    file: RefundExportRecord,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<string> {
    const knex = lockingKnex(sharedContext)
    const id = generateEntityId(undefined, "rfx")
    const now = new Date()
    const { items, ...header } = file
    await knex("refund_export").insert({ id, ...header, total: file.total, raw_total: rawAmount(file.total), created_at: now, updated_at: now })
    try {
      await knex("refund_export_item").insert(
        items.map((item) => ({ id: generateEntityId(undefined, "rfxi"), export_id: id, ...item, raw_amount: rawAmount(item.amount), created_at: now, updated_at: now }))
      )
    } catch (error) {
      if ((error as { code?: string }).code === "23505") {
        throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, "A selected payment was already exported for a refund; reload the list and export the others.")
      }
      throw error
    }
    await knex("bank_transaction")
      .whereIn("id", items.map((item) => item.transaction_id))
      .update({ held_reason: "refunded", updated_at: now })
    return id
  }

  @InjectTransactionManager()
  async revertRefundExport(
    exportId: string,
    previousHeld: Record<string, string | null>,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    const knex = lockingKnex(sharedContext)
    await knex("refund_export_item").where({ export_id: exportId }).delete()
    await knex("refund_export").where({ id: exportId }).delete()
    for (const [transactionId, held] of Object.entries(previousHeld)) {
      await knex("bank_transaction").where({ id: transactionId }).update({ held_reason: held })
    }
  }
}
