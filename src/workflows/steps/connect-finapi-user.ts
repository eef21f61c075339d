import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import BankReconciliationModuleService from "../../modules/bank-reconciliation/service"

export type ConnectFinapiUserStepInput = { id: string; password?: string | null }

export const connectFinapiUserStepId = "connect-finapi-user"

/**
 * Connects an interface to finAPI (creates its finAPI user the first time, logs in later); the module
 * stores the password sealed and records the outcome on the interface (see connectFinapiUser).
 */
export const connectFinapiUserStep = createStep(
  connectFinapiUserStepId,
  async (input: ConnectFinapiUserStepInput, { container }) => {
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    return new StepResponse(await service.connectFinapiUser(input.id, input.password))
  }
)
