import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import { issueCallbackToken } from "../../modules/bank-reconciliation/callback-token"
import BankReconciliationModuleService from "../../modules/bank-reconciliation/service"
import { withFinapiUser } from "../finapi/finapi-user-session"
import { registerNewTransactionsRule } from "../finapi/new-transactions-rule"

export const registerNewTransactionNotificationsStepId = "register-new-transaction-notifications"

type Registered = { account_id: string; interface_id: string; rule_id: number }

/**
 * Asks finAPI to push NEW_TRANSACTIONS for each account that has no rule yet, with an unguessable
 * callback handle "<account id>.<secret>" of which only the sha256 is stored. Best effort: the job
 * stays the safety net, so a refusal is logged and retried on the next import. Compensation deletes
 * the rules it created.
 */
export const registerNewTransactionNotificationsStep = createStep(
  registerNewTransactionNotificationsStepId,
  async (input: { account_ids: string[] }, { container }) => {
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const accounts = input.account_ids.length
      ? await service.listBankAccounts({ id: input.account_ids, source: "finapi", finapi_notification_rule_id: null }, { relations: ["connection"] })
      : []
    const registered: Registered[] = []
    for (const account of accounts) {
      const interfaceId = account.connection.interface_id
      const handle = issueCallbackToken(account.id)
      try {
        const rule = await withFinapiUser(container, interfaceId, "Registering finAPI's new-transaction notification", ({ client, user }) =>
          registerNewTransactionsRule(client, user, account.finapi_account_id!, handle.token)
        )
        await service.updateBankAccounts({ id: account.id, notification_handle_hash: handle.hash, finapi_notification_rule_id: String(rule.id) })
        registered.push({ account_id: account.id, interface_id: interfaceId, rule_id: rule.id })
      } catch (error) {
        logger.warn(`finAPI notification for bank account ${account.id} not registered (the scheduled import still runs): ${(error as Error).message}`)
      }
    }
    return new StepResponse({ registered: registered.length }, registered)
  },
  async (registered, { container }) => {
    if (!registered?.length) {
      return
    }
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    for (const entry of registered) {
      await withFinapiUser(container, entry.interface_id, "Removing finAPI's new-transaction notification", ({ client, user }) =>
        client.deleteNotificationRule(user, entry.rule_id)
      ).catch(() => undefined)
      await service.updateBankAccounts({ id: entry.account_id, notification_handle_hash: null, finapi_notification_rule_id: null })
    }
  }
)
