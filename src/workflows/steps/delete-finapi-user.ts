import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import BankReconciliationModuleService from "../../modules/bank-reconciliation/service"

export const deleteFinapiUserStepId = "delete-finapi-user"

/** Deletes the interface's finAPI user (and with it every bank consent at finAPI). Cannot be undone. */
export const deleteFinapiUserStep = createStep(
  deleteFinapiUserStepId,
  async (input: { id: string }, { container }) => {
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    return new StepResponse(await service.deleteFinapiUser(input.id))
  }
)
