import { issueCallbackToken } from "../callback-token"
import { registerNewTransactionsRule } from "../finapi/new-transactions-rule"
import type { RegisteredNotification } from "../types"
import type { FinapiContext } from "./finapi-gateway"

/**
 * Asks finAPI to push NEW_TRANSACTIONS for each of these accounts that has no rule yet, with an
 * unguessable callback handle "<account id>.<secret>" of which only the sha256 is stored. Best
 * effort: the import job stays the safety net, so a refusal is logged and retried on the next import.
 */
export async function registerNewTransactionNotifications({ gateway, store }: FinapiContext, accountIds: string[]): Promise<RegisteredNotification[]> {
  const accounts = accountIds.length
    ? await store.listBankAccounts({ id: accountIds, source: "finapi", finapi_notification_rule_id: null }, { relations: ["connection"] })
    : []
  const registered: RegisteredNotification[] = []
  for (const account of accounts) {
    const interfaceId = account.connection.interface_id
    const handle = issueCallbackToken(account.id)
    try {
      const rule = await gateway.asUser(interfaceId, "Registering finAPI's new-transaction notification", ({ client, user }) =>
        registerNewTransactionsRule(client, user, account.finapi_account_id!, handle.token)
      )
      await store.updateBankAccounts({ id: account.id, notification_handle_hash: handle.hash, finapi_notification_rule_id: String(rule.id) })
      registered.push({ account_id: account.id, interface_id: interfaceId, rule_id: rule.id })
    } catch (error) {
      gateway.logger?.warn(`finAPI notification for bank account ${account.id} not registered (the scheduled import still runs): ${(error as Error).message}`)
    }
  }
  return registered
}

/** Takes registered pushes back: deletes the rules at finAPI (as far as it answers) and forgets them here. */
export async function removeNewTransactionNotifications({ gateway, store }: FinapiContext, registered: RegisteredNotification[]): Promise<void> {
  for (const entry of registered) {
    await gateway
      .asUser(entry.interface_id, "Removing finAPI's new-transaction notification", ({ client, user }) => client.deleteNotificationRule(user, entry.rule_id))
      .catch(() => undefined)
    await store.updateBankAccounts({ id: entry.account_id, notification_handle_hash: null, finapi_notification_rule_id: null })
  }
}
