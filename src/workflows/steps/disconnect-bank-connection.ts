import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import BankReconciliationModuleService from "../../modules/bank-reconciliation/service"

export const disconnectBankConnectionStepId = "disconnect-bank-connection"

/**
 * Deletes the bank connection at finAPI (revoking the consent) and marks it disconnected here.
 * Imported transactions and assignments stay; its accounts stop importing.
 */
export const disconnectBankConnectionStep = createStep(
  disconnectBankConnectionStepId,
  async (input: { connection_id: string }, { container }) => {
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    return new StepResponse(await service.disconnectBankConnection(input.connection_id))
  }
)
