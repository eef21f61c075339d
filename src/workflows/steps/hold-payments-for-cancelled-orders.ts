import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import { rfReferencesIn } from "../../modules/bank-reconciliation/late-payments"
import type BankReconciliationModuleService from "../../modules/bank-reconciliation/service"

export const holdPaymentsForCancelledOrdersStepId = "hold-payments-for-cancelled-orders"

/**
 * A late payment: an open payment whose purpose carries the RF reference of a cancelled order. It is
 * held out of automatic assignment (held_reason "cancelled_order", held_order_id) so the operator
 * decides: refund it, or assign it to another open order of the same customer.
 */
export const holdPaymentsForCancelledOrdersStep = createStep(
  holdPaymentsForCancelledOrdersStepId,
  async (input: { transaction_ids?: string[] }, { container }) => {
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    const filters: Record<string, unknown> = { status: ["unassigned", "proposed"], held_reason: null, is_potential_duplicate: false }
    if (input.transaction_ids) {
      filters.id = input.transaction_ids
    }
    const open = await service.listBankTransactions(filters, { select: ["id", "purpose"] })
    const byReference = new Map<string, string[]>()
    for (const transaction of open) {
      for (const reference of rfReferencesIn(transaction.purpose)) {
        byReference.set(reference, [...(byReference.get(reference) ?? []), transaction.id])
      }
    }
    if (!byReference.size) {
      return new StepResponse([] as string[], [] as string[])
    }
    // orders belong to another module: a read of the order table by the stored reference, nothing written there
    const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const cancelled: { id: string; reference: string }[] = await pg
      .select("id", pg.raw(`upper(regexp_replace(metadata->>'payment_reference', '[^A-Za-z0-9]', '', 'g')) as reference`))
      .from("order")
      .where({ status: "canceled", deleted_at: null })
      .whereRaw(`upper(regexp_replace(metadata->>'payment_reference', '[^A-Za-z0-9]', '', 'g')) = any(?)`, [[...byReference.keys()]])
    const holds = cancelled.flatMap((order) =>
      (byReference.get(order.reference) ?? []).map((id) => ({ id, held_reason: "cancelled_order", held_order_id: order.id }))
    )
    if (holds.length) {
      await service.updateBankTransactions(holds)
    }
    const held = holds.map((hold) => hold.id)
    return new StepResponse(held, held)
  },
  async (held, { container }) => {
    if (held?.length) {
      const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
      await service.updateBankTransactions(held.map((id) => ({ id, held_reason: null, held_order_id: null })))
    }
  }
)
