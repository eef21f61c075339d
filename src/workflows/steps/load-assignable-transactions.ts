import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ExistingAssignment } from "../../modules/bank-reconciliation/auto-assign-plan"
import type { BankTransactionInput } from "../../modules/bank-reconciliation/matching"
import { toDecimal } from "../../modules/bank-reconciliation/open-items"

export const loadAssignableTransactionsStepId = "load-assignable-transactions"

type Row = {
  id: string
  amount: number
  currency_code: string
  booking_date: string | Date
  value_date: string | Date | null
  purpose: string | null
  counterpart_name: string | null
  counterpart_iban: string | null
  counterpart_bic: string | null
  end_to_end_reference: string | null
  mandate_reference: string | null
  creditor_id: string | null
  raw_amount?: { value: string } | null
  assignments?: { id: string; order_id: string; amount: number; raw_amount?: { value: string } | null; status: string }[]
}

const day = (value: string | Date | null) => (value ? new Date(value).toISOString().slice(0, 10) : null)

export type AssignableTransactions = {
  transactions: BankTransactionInput[]
  existing: Record<string, ExistingAssignment[]>
}

/**
 * The transactions auto-assign may touch: unassigned or only proposed, neither held back as potential
 * duplicates nor held for the operator (`held_reason`: a late payment for a cancelled order, a
 * refund) (all of them, or those of `transaction_ids`), with their current assignments.
 */
export async function loadAssignableTransactions(container: MedusaContainer, input: { transaction_ids?: string[] }): Promise<AssignableTransactions> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const filters: Record<string, unknown> = { status: ["unassigned", "proposed"], is_potential_duplicate: false, held_reason: null }
  if (input.transaction_ids) {
    filters.id = input.transaction_ids
  }
  const { data } = await query.graph({
    entity: "bank_transaction",
    fields: [
      "id", "amount", "raw_amount", "currency_code", "booking_date", "value_date", "purpose", "counterpart_name",
      "counterpart_iban", "counterpart_bic", "end_to_end_reference", "mandate_reference", "creditor_id",
      "assignments.id", "assignments.order_id", "assignments.amount", "assignments.raw_amount", "assignments.status",
    ],
    filters,
    pagination: { order: { booking_date: "ASC", id: "ASC" } },
  })
  const rows = data as unknown as Row[]
  const result: AssignableTransactions = {
    transactions: rows.map((row) => ({
      id: row.id,
      amount: toDecimal(row.raw_amount ?? row.amount),
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
    existing: Object.fromEntries(
      rows.map((row) => [
        row.id,
        (row.assignments ?? []).map((a) => ({ id: a.id, order_id: a.order_id, amount: toDecimal(a.raw_amount ?? a.amount), status: a.status })),
      ])
    ),
  }
  return result
}

export const loadAssignableTransactionsStep = createStep(
  loadAssignableTransactionsStepId,
  async (input: { transaction_ids?: string[] }, { container }) => new StepResponse(await loadAssignableTransactions(container, input))
)
