import type { SandboxState } from "./state"
import type { StoredBankConnection } from "./model"
import { findBank } from "./data/test-banks"
import { postCallback } from "./callbacks"

/**
 * NEW_TRANSACTIONS / BANK_LOGIN_ERROR messages of a (mock) batch update, POSTed to
 * the client's `userNotificationCallbackUrl`. `details` is left out: finAPI encrypts
 * it with a client key the sandbox does not model.
 */
export function sendNotifications(state: SandboxState, userKey: string, newByAccount: Map<number, number>, connections: StoredBankConnection[]): void {
  const url = state.settings.userNotificationCallbackUrl
  const rules = [...state.notificationRules.values()].filter((r) => r.userKey === userKey)
  for (const rule of rules) {
    if (rule.triggerEvent === "NEW_TRANSACTIONS") {
      const newTransactions = [...newByAccount].filter(([, count]) => count > 0).map(([accountId, count]) => {
        const account = state.accounts.get(accountId)
        const connection = account && state.connections.get(account.bankConnectionId)
        return {
          accountId,
          accountName: account?.accountName ?? null,
          accountNumber: account?.accountNumber ?? null,
          accountIban: account?.iban ?? null,
          bankName: (connection && findBank(connection.bankId)?.name) ?? null,
          bankConnectionName: connection?.name ?? null,
          newTransactionsCount: count,
        }
      })
      if (newTransactions.length > 0) postCallback(state, url, { notificationRuleId: rule.id, triggerEvent: rule.triggerEvent, callbackHandle: rule.callbackHandle, newTransactions })
    }
    if (rule.triggerEvent === "BANK_LOGIN_ERROR") {
      const failed = connections.filter((c) => c.lastAutoUpdate?.result === "BANK_SERVER_REJECTION")
      if (failed.length > 0) postCallback(state, url, { notificationRuleId: rule.id, triggerEvent: rule.triggerEvent, callbackHandle: rule.callbackHandle, bankConnectionIds: failed.map((c) => c.id) })
    }
  }
}
