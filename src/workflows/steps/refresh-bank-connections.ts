import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import BankReconciliationModuleService from "../../modules/bank-reconciliation/service"

export const refreshBankConnectionsStepId = "refresh-bank-connections"

/**
 * "Refresh list": re-reads every bank connection and account of the interface's finAPI user.
 * Connections linked elsewhere are added; ones gone at finAPI are marked disconnected (data kept).
 */
export const refreshBankConnectionsStep = createStep(
  refreshBankConnectionsStepId,
  async (input: { interface_id: string }, { container }) => {
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    return new StepResponse(await service.syncBankConnections(input.interface_id))
  }
)
