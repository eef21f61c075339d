import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import BankReconciliationModuleService from "../../modules/bank-reconciliation/service"

export const registerNewTransactionNotificationsStepId = "register-new-transaction-notifications"

/**
 * Asks finAPI to push NEW_TRANSACTIONS for each account that has no rule yet (best effort: the job
 * stays the safety net, so a refusal is logged and retried on the next import). Compensation deletes
 * the rules it created.
 */
export const registerNewTransactionNotificationsStep = createStep(
  registerNewTransactionNotificationsStepId,
  async (input: { account_ids: string[] }, { container }) => {
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    const registered = await service.registerNewTransactionNotifications(input.account_ids)
    return new StepResponse({ registered: registered.length }, registered)
  },
  async (registered, { container }) => {
    if (registered?.length) {
      await container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE).removeNewTransactionNotifications(registered)
    }
  }
)
