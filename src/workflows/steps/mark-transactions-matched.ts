import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import type BankReconciliationModuleService from "../../modules/bank-reconciliation/service"

export const markTransactionsMatchedStepId = "mark-transactions-matched"

/** Clears the payments' need for matching once auto-assign has seen them; compensation sets it again. */
export const markTransactionsMatchedStep = createStep(
  markTransactionsMatchedStepId,
  async (input: { ids: string[] }, { container }) => {
    await container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE).releaseTransactionsToMatch(input.ids, false)
    return new StepResponse(undefined, input.ids)
  },
  async (ids, { container }) => {
    await container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE).releaseTransactionsToMatch(ids ?? [], true)
  }
)
