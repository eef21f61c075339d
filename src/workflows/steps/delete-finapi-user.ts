import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import BankReconciliationModuleService from "../../modules/bank-reconciliation/service"
import { withFinapiUser } from "../finapi/finapi-user-session"

export const deleteFinapiUserStepId = "delete-finapi-user"

/** Deletes the interface's finAPI user (and with it every bank consent at finAPI). Cannot be undone. */
export const deleteFinapiUserStep = createStep(
  deleteFinapiUserStepId,
  async (input: { id: string }, { container }) => {
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    const bankInterface = await service.retrieveBankInterface(input.id)
    if (!bankInterface.finapi_user_id) {
      return new StepResponse(false)
    }
    await withFinapiUser(container, input.id, "Deleting the finAPI user", ({ client, user }) => client.deleteUser(user))
    await service.forgetFinapiClient(input.id)
    return new StepResponse(true)
  }
)
