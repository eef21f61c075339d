import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import type BankReconciliationModuleService from "../../modules/bank-reconciliation/service"

export const setTransactionIgnoredStepId = "set-transaction-ignored"

/**
 * Marks a payment as not for this shop with a reason, or (reason null) undoes that; refused while
 * it is assigned. Compensation restores the previous status and reason.
 */
export const setTransactionIgnoredStep = createStep(
  setTransactionIgnoredStepId,
  async (input: { transaction_id: string; reason: string | null; actor_id?: string | null }, { container }) => {
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    const previous = await service.setTransactionIgnored(input.transaction_id, input.reason, input.actor_id ?? null)
    return new StepResponse(input, { transaction_id: input.transaction_id, previous })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    await container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE).restoreTransactionIgnore(undo.transaction_id, undo.previous)
  }
)
