import type { Exchange } from "./exchange"
import { ApiFailure, sendJson } from "./exchange"
import { accessTimestamp, webFormTimestamp } from "../data/dates"

/** Access codes → Web Form codes, for failures raised by shared code (auth, faults, lookups). */
const WEB_FORM_CODES: Record<string, string> = {
  INVALID_TOKEN: "UNAUTHORIZED",
  invalid_token: "UNAUTHORIZED",
  UNKNOWN_ENTITY: "NOT_FOUND",
  UNAUTHORIZED_ACCESS: "FORBIDDEN",
  UNEXPECTED_ERROR: "INTERNAL_SERVER_ERROR",
  BAD_REQUEST: "NOT_ALLOWED",
}

export function renderFailure(ex: Exchange, failure: ApiFailure): void {
  const headers = failure.options.headers ?? {}
  const endpoint = `${ex.method} ${ex.path}`
  if (ex.area === "control" || ex.area === "page") {
    sendJson(ex, failure.status, { error: failure.code, message: failure.message }, headers)
  } else if (ex.area === "webform") {
    const timestamp = webFormTimestamp(ex.state.now())
    if (failure.options.fields) {
      sendJson(ex, failure.status, { errors: failure.options.fields, timestamp, endpoint }, headers)
    } else {
      const code = WEB_FORM_CODES[failure.code] ?? failure.code
      sendJson(ex, failure.status, { code, description: failure.message, timestamp, endpoint }, headers)
    }
  } else if (failure.options.oauth) {
    sendJson(ex, failure.status, { error: failure.code, error_description: failure.message }, headers)
  } else {
    sendJson(
      ex,
      failure.status,
      {
        errors: [{ message: failure.message, code: failure.code, type: failure.options.errorType ?? (failure.status >= 500 ? "TECHNICAL" : "BUSINESS") }],
        date: accessTimestamp(ex.state.now()),
        requestId: ex.requestId,
        endpoint,
        authContext: authContextOf(ex),
        bank: null,
      },
      headers
    )
  }
}

/** finAPI writes "<client>/<user>" here; the sandbox has a single client, number 1. */
function authContextOf(ex: Exchange): string | null {
  if (!ex.auth) return null
  const user = ex.auth.userKey ? ex.state.users.get(ex.auth.userKey) : undefined
  return user ? `1/${user.internalId}` : "1"
}
