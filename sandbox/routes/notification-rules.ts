import { ApiFailure, requireNumericId, sendEmpty, sendJson, unknownEntity, type Exchange } from "../http/exchange"
import { route } from "../http/router"
import { parseBody } from "../http/validate-body"
import { authenticate, userKeyOf } from "../tokens"
import { NotificationRuleBody } from "../http/request-schemas"
import type { StoredNotificationRule } from "../model"

/** `/api/v2/notificationRules`: per-user rules; messages are sent only by (mock) batch updates. */
function ruleJson(rule: StoredNotificationRule) {
  return { id: rule.id, triggerEvent: rule.triggerEvent, params: rule.params, callbackHandle: rule.callbackHandle, includeDetails: rule.includeDetails }
}

function createRule(ex: Exchange): void {
  authenticate(ex, "user")
  const body = parseBody(ex, NotificationRuleBody)
  const userKey = userKeyOf(ex)
  const rules = [...ex.state.notificationRules.values()].filter((r) => r.userKey === userKey)
  if (rules.some((r) => r.triggerEvent === body.triggerEvent && JSON.stringify(r.params) === JSON.stringify(body.params ?? null))) {
    throw new ApiFailure(422, "ENTITY_EXISTS", "A notification rule with the same trigger event and parameters already exists.")
  }
  const rule: StoredNotificationRule = {
    id: ex.state.nextRuleId(),
    userKey,
    triggerEvent: body.triggerEvent,
    params: body.params ?? null,
    callbackHandle: body.callbackHandle ?? null,
    includeDetails: body.includeDetails ?? false,
  }
  ex.state.notificationRules.set(rule.id, rule)
  sendJson(ex, 201, ruleJson(rule))
}

function ownRules(ex: Exchange): StoredNotificationRule[] {
  const userKey = userKeyOf(ex)
  return [...ex.state.notificationRules.values()].filter((r) => r.userKey === userKey)
}

function listRules(ex: Exchange): void {
  authenticate(ex, "user")
  sendJson(ex, 200, { notificationRules: ownRules(ex).map(ruleJson) })
}

function ownRule(ex: Exchange): StoredNotificationRule {
  const id = requireNumericId(ex)
  const rule = ownRules(ex).find((r) => r.id === id)
  if (!rule) throw unknownEntity("Notification rule", id)
  return rule
}

function getRule(ex: Exchange): void {
  authenticate(ex, "user")
  sendJson(ex, 200, ruleJson(ownRule(ex)))
}

function deleteRule(ex: Exchange): void {
  authenticate(ex, "user")
  ex.state.notificationRules.delete(ownRule(ex).id)
  sendEmpty(ex)
}

function deleteAllRules(ex: Exchange): void {
  authenticate(ex, "user")
  const rules = ownRules(ex)
  rules.forEach((r) => ex.state.notificationRules.delete(r.id))
  sendJson(ex, 200, { identifiers: rules.map((r) => r.id) })
}

export const notificationRuleRoutes = [
  route("POST", "/api/v2/notificationRules", createRule),
  route("GET", "/api/v2/notificationRules", listRules),
  route("DELETE", "/api/v2/notificationRules", deleteAllRules),
  route("GET", "/api/v2/notificationRules/:id", getRule),
  route("DELETE", "/api/v2/notificationRules/:id", deleteRule),
]
