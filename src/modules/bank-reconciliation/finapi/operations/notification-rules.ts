import { FinapiUserCredentials } from "../client-config"
import {
  NotificationRule,
  NotificationRuleListSchema,
  NotificationRuleParams,
  NotificationRuleSchema,
} from "../schemas/notification-rule"
import { CallContext } from "./call-context"

/** Creates a notification rule for the user (fires only on finAPI's automatic batch update). */
export function createNotificationRule(
  ctx: CallContext,
  user: FinapiUserCredentials,
  params: NotificationRuleParams
): Promise<NotificationRule> {
  return ctx.tokens.withUserToken(user, (token) =>
    ctx.transport.call({
      operation: "createNotificationRule",
      api: "access",
      method: "POST",
      path: "/api/v2/notificationRules",
      json: params,
      token,
      schema: NotificationRuleSchema,
    })
  )
}

/** Lists the user's notification rules. */
export function listNotificationRules(ctx: CallContext, user: FinapiUserCredentials): Promise<NotificationRule[]> {
  return ctx.tokens.withUserToken(user, async (token) => {
    const list = await ctx.transport.call({
      operation: "listNotificationRules",
      api: "access",
      method: "GET",
      path: "/api/v2/notificationRules",
      token,
      schema: NotificationRuleListSchema,
    })
    return list.notificationRules
  })
}

/** Deletes one notification rule. */
export async function deleteNotificationRule(ctx: CallContext, user: FinapiUserCredentials, id: number): Promise<void> {
  await ctx.tokens.withUserToken(user, (token) =>
    ctx.transport.call({
      operation: "deleteNotificationRule",
      api: "access",
      method: "DELETE",
      path: `/api/v2/notificationRules/${id}`,
      token,
    })
  )
}
