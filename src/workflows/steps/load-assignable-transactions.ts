import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ExistingAssignment } from "../../modules/bank-reconciliation/auto-assign-plan"
import type { BankTransactionInput } from "../../modules/bank-reconciliation/matching"
import { type ImportedTransactionInsert, MATCHING_TRANSACTION_COLUMNS } from "../../modules/bank-reconciliation/types"

export const loadAssignableTransactionsStepId = "load-assignable-transactions"

type MatchingColumn = (typeof MATCHING_TRANSACTION_COLUMNS)[number]
type Row = Pick<ImportedTransactionInsert, Exclude<MatchingColumn, "booking_date" | "value_date">> & {
  id: string
  amount: string
  booking_date: string | Date
  value_date: string | Date | null
  assignments: { id: string; order_id: string; amount: string; status: string }[] | null
}

const day = (value: string | Date | null) => (value ? new Date(value).toISOString().slice(0, 10) : null)

export type AssignableTransactions = {
  transactions: BankTransactionInput[]
  /** Current assignments by payment id; a payment without any has no entry. */
  existing: Record<string, ExistingAssignment[]>
}

/**
 * The transactions auto-assign may touch: unassigned or only proposed, neither held back as potential
 * duplicates nor held for the operator (`held_reason`: a late payment for a cancelled order, a
 * refund) (all of them, or those of `transaction_ids`), with their current assignments.
 */
export async function loadAssignableTransactions(container: MedusaContainer, input: { transaction_ids?: string[] }): Promise<AssignableTransactions> {
  // One statement on the plugin's own tables (query.graph spent 1.3 s of CPU serialising 10 000 of
  // them through MikroORM); amounts as exact decimal strings with two places, as toDecimal writes them.
  const pg = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const exact = (alias: string) => `round(coalesce((${alias}.raw_amount ->> 'value')::numeric, ${alias}.amount), 2)::text`
  const { rows } = await pg.raw(
    `select t.id, ${exact("t")} as amount, ${MATCHING_TRANSACTION_COLUMNS.map((column) => `t.${column}`).join(", ")},
            (select json_agg(json_build_object('id', a.id, 'order_id', a.order_id, 'amount', ${exact("a")}, 'status', a.status) order by a.id)
               from payment_assignment a where a.transaction_id = t.id and a.deleted_at is null) as assignments
       from bank_transaction t
      where t.deleted_at is null and t.status in ('unassigned', 'proposed') and not t.is_potential_duplicate and t.held_reason is null
        ${input.transaction_ids ? "and t.id = any(?)" : ""}
      order by t.booking_date, t.id`,
    input.transaction_ids ? [input.transaction_ids] : []
  )
  const list = rows as Row[]
  return {
    transactions: list.map((row) => ({
      id: row.id,
      amount: row.amount,
      currency: row.currency_code.toUpperCase(),
      bookingDate: day(row.booking_date),
      valueDate: day(row.value_date),
      purpose: row.purpose,
      counterpartName: row.counterpart_name,
      counterpartIban: row.counterpart_iban,
      counterpartBic: row.counterpart_bic,
      endToEndReference: row.end_to_end_reference,
      mandateReference: row.mandate_reference,
      creditorId: row.creditor_id,
    })),
    // only payments that have assignments: an entry per payment of a batch of 1 000 new ones was garbage that outlived the engine's run
    existing: Object.fromEntries(
      list.filter((row) => row.assignments?.length).map((row) => [row.id, row.assignments!.map((a) => ({ id: a.id, order_id: a.order_id, amount: a.amount, status: a.status }))])
    ),
  }
}

export const loadAssignableTransactionsStep = createStep(
  loadAssignableTransactionsStepId,
  async (input: { transaction_ids?: string[] }, { container }) => new StepResponse(await loadAssignableTransactions(container, input))
)
