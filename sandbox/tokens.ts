import type { IssuedToken, SandboxState } from "./state"
import { ApiFailure, type Exchange } from "./http/exchange"

/**
 * OAuth tokens as finAPI hands them out: opaque, `expires_in` seconds (0 = never),
 * and the same token again while it is still valid (finAPI asks clients to cache).
 */
export function issueToken(state: SandboxState, kind: "client" | "user", userKey: string | null): IssuedToken {
  const now = state.now()
  const existing = [...state.tokens.values()].find((t) => t.kind === kind && t.userKey === userKey && isLive(t, now))
  if (existing) return existing
  const seconds = kind === "client" ? state.settings.clientAccessTokensValidityPeriod : state.settings.userAccessTokensValidityPeriod
  const issued: IssuedToken = {
    token: state.newToken(),
    kind,
    userKey,
    expiresAt: seconds === 0 ? null : now + seconds * 1000,
    refreshToken: null,
  }
  if (kind === "user" && userKey) {
    issued.refreshToken = state.newToken()
    const refreshSeconds = state.settings.refreshTokensValidityPeriod
    state.refreshTokens.set(issued.refreshToken, { userKey, expiresAt: refreshSeconds === 0 ? null : now + refreshSeconds * 1000 })
  }
  state.tokens.set(issued.token, issued)
  return issued
}

export function isLive(token: IssuedToken, now: number): boolean {
  return token.expiresAt === null || token.expiresAt > now
}

export function expiresInSeconds(token: IssuedToken, now: number): number {
  return token.expiresAt === null ? 0 : Math.max(1, Math.ceil((token.expiresAt - now) / 1000))
}

/** Makes a token unusable, as time would. Used by the expired-token fault and scenario control. */
export function expireToken(state: SandboxState, token: string): void {
  const issued = state.tokens.get(token)
  if (issued) issued.expiresAt = state.now() - 1
}

function bearerOf(ex: Exchange): string | null {
  const header = ex.req.headers.authorization ?? ""
  const match = /^Bearer\s+(.+)$/i.exec(header)
  return match ? match[1].trim() : null
}

/**
 * Checks the bearer token: missing, unknown or expired → 401 `invalid_token`;
 * a client token on a user call (or the reverse) → 403 `UNAUTHORIZED_ACCESS`.
 */
export function authenticate(ex: Exchange, kind: "client" | "user" | "any"): IssuedToken {
  const token = bearerOf(ex)
  const issued = token ? ex.state.tokens.get(token) : undefined
  if (!issued || !isLive(issued, ex.state.now()) || (issued.userKey && !ex.state.users.has(issued.userKey))) {
    throw new ApiFailure(401, "invalid_token", `Invalid access token: ${token ?? "none given"}`, { oauth: true })
  }
  ex.auth = issued
  if (kind !== "any" && issued.kind !== kind) {
    throw new ApiFailure(403, "UNAUTHORIZED_ACCESS", "Access is denied")
  }
  return issued
}

/** The user behind a user token (callers have authenticated with kind "user"). */
export function userKeyOf(ex: Exchange): string {
  const key = ex.auth?.userKey
  if (!key) throw new ApiFailure(403, "UNAUTHORIZED_ACCESS", "Access is denied")
  return key
}
