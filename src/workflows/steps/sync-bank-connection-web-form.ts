import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import BankReconciliationModuleService from "../../modules/bank-reconciliation/service"

export const syncBankConnectionWebFormStepId = "sync-bank-connection-web-form"

/**
 * Follows the web form of a connection (import or renewal): re-reads it from finAPI and, once it is
 * final, stores the bank connection and its accounts or the reason it failed. Safe to run any
 * number of times (callback and polling both call it).
 */
export const syncBankConnectionWebFormStep = createStep(
  syncBankConnectionWebFormStepId,
  async (input: { connection_id: string }, { container }) => {
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    return new StepResponse(await service.syncBankConnectionWebForm(input.connection_id))
  }
)
