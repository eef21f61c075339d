import { ApiFailure, formBody, sendJson, type Exchange } from "../http/exchange"
import { route } from "../http/router"
import { authenticate, expiresInSeconds, issueToken } from "../tokens"

/** `POST /api/v2/oauth/token` (form-encoded, credentials in the body) and `/revoke`. */
function checkClient(ex: Exchange, form: URLSearchParams): void {
  const { clientId, clientSecret } = ex.state.settings
  if (form.get("client_id") !== clientId || form.get("client_secret") !== clientSecret) {
    throw new ApiFailure(401, "invalid_client", "Bad client credentials", { oauth: true })
  }
}

function token(ex: Exchange): void {
  const contentType = ex.req.headers["content-type"] ?? ""
  if (!contentType.includes("application/x-www-form-urlencoded")) {
    throw new ApiFailure(415, "UNSUPPORTED_MEDIA_TYPE", "Content type must be application/x-www-form-urlencoded")
  }
  const form = formBody(ex)
  checkClient(ex, form)
  const state = ex.state
  const grant = form.get("grant_type")
  let issued
  if (grant === "client_credentials") {
    issued = issueToken(state, "client", null)
  } else if (grant === "password") {
    const userKey = (form.get("username") ?? "").toLowerCase()
    const user = state.users.get(userKey)
    if (!user || user.password !== form.get("password")) {
      throw new ApiFailure(400, "BAD_REQUEST", "Bad user credentials")
    }
    issued = issueToken(state, "user", userKey)
  } else if (grant === "refresh_token") {
    const refresh = state.refreshTokens.get(form.get("refresh_token") ?? "")
    if (!refresh || (refresh.expiresAt !== null && refresh.expiresAt <= state.now()) || !state.users.has(refresh.userKey)) {
      throw new ApiFailure(400, "BAD_REQUEST", "Invalid refresh token")
    }
    issued = issueToken(state, "user", refresh.userKey)
  } else {
    throw new ApiFailure(400, "BAD_REQUEST", `Unsupported grant type: ${grant ?? "none"}`)
  }
  sendJson(ex, 200, {
    access_token: issued.token,
    token_type: "bearer",
    refresh_token: issued.refreshToken,
    expires_in: expiresInSeconds(issued, state.now()),
    scope: "all",
  })
}

/** Always 200, even for unknown tokens (REFERENCE.md §1.1). */
function revoke(ex: Exchange): void {
  authenticate(ex, "client")
  const value = formBody(ex).get("token") ?? ""
  ex.state.tokens.delete(value)
  ex.state.refreshTokens.delete(value)
  for (const issued of ex.state.tokens.values()) {
    if (issued.refreshToken === value) issued.refreshToken = null
  }
  ex.res.writeHead(200, { "Content-Length": 0 })
  ex.res.end()
}

export const oauthRoutes = [route("POST", "/api/v2/oauth/token", token), route("POST", "/api/v2/oauth/revoke", revoke)]
