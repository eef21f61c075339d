import type { FinapiUserCredentials } from "./client-config"
import type { FinapiClient } from "./finapi-client"
import { isFinapiError } from "./finapi-errors"
import type { NotificationRule } from "./schemas"

/**
 * Registers finAPI's NEW_TRANSACTIONS notification for one account with `callbackHandle`. A rule
 * left over for the same account (e.g. from a restored database, whose handle we cannot know) is
 * replaced.
 */
export async function registerNewTransactionsRule(
  client: FinapiClient,
  user: FinapiUserCredentials,
  finapiAccountId: string,
  callbackHandle: string
): Promise<NotificationRule> {
  const params = { triggerEvent: "NEW_TRANSACTIONS" as const, params: { accountIds: finapiAccountId }, callbackHandle, includeDetails: false }
  try {
    return await client.createNotificationRule(user, params)
  } catch (error) {
    if (!isFinapiError(error, "conflict")) {
      throw error
    }
    const rules = await client.listNotificationRules(user)
    const stale = rules.filter((r) => r.triggerEvent === "NEW_TRANSACTIONS" && r.params?.accountIds === finapiAccountId)
    for (const rule of stale) {
      await client.deleteNotificationRule(user, rule.id)
    }
    return await client.createNotificationRule(user, params)
  }
}
