import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import { issueCallbackToken } from "../../modules/bank-reconciliation/callback-token"
import BankReconciliationModuleService from "../../modules/bank-reconciliation/service"

export const createPendingBankConnectionStepId = "create-pending-bank-connection"

/**
 * Creates the bank_connection row a web form will fill in, with a fresh callback token whose
 * sha256 alone is stored. Compensation deletes the row.
 */
export const createPendingBankConnectionStep = createStep(
  createPendingBankConnectionStepId,
  async (input: { interface_id: string; label: string }, { container }) => {
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    const created = await service.createBankConnections({
      interface_id: input.interface_id,
      label: input.label,
      status: "pending",
    })
    const { token, hash } = issueCallbackToken(created.id)
    const connection = await service.updateBankConnections({ id: created.id, web_form_token_hash: hash })
    return new StepResponse({ connection, callbackToken: token }, created.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    await container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE).deleteBankConnections(id)
  }
)
