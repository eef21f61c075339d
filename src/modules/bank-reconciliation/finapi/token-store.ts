import { createHash } from "node:crypto"
import { FinapiClientConfig, FinapiUserCredentials } from "./client-config"
import { isInvalidTokenError } from "./error-from-response"
import { isFinapiError, withKind } from "./finapi-errors"
import { HttpTransport } from "./http-transport"
import { AccessToken, AccessTokenSchema } from "./schemas/auth"
import { SecretRedactor } from "./secret-redactor"

interface CachedToken {
  accessToken: string
  refreshToken?: string
  /** Epoch ms after which the token counts as stale; null = never expires. */
  staleAt: number | null
  /** Epoch ms at which finAPI lets the token expire; null = never. */
  expiresAt: number | null
}

const TOKEN_PATH = "/api/v2/oauth/token"
const REVOKE_PATH = "/api/v2/oauth/revoke"

/** Caches client and user tokens, refreshes them shortly before expiry, one request per key at a time. */
export class TokenStore {
  private readonly cached = new Map<string, CachedToken>()
  private readonly inflight = new Map<string, Promise<CachedToken>>()

  constructor(
    private readonly transport: HttpTransport,
    private readonly config: FinapiClientConfig,
    private readonly redactor: SecretRedactor,
    private readonly now: () => number = Date.now
  ) {}

  /** Runs `call` with the client token; on 401 invalid_token gets a new token and retries once. */
  withClientToken<T>(call: (token: string) => Promise<T>): Promise<T> {
    return this.withToken("client", () => this.requestClientToken(), call)
  }

  /** Runs `call` with the user's token; on 401 invalid_token gets a new token and retries once. */
  withUserToken<T>(user: FinapiUserCredentials, call: (token: string) => Promise<T>): Promise<T> {
    this.redactor.remember(user.password)
    return this.withToken(userKey(user), (stale) => this.requestUserToken(user, stale), call)
  }

  /**
   * Runs `call` with a user token that stays valid for at least `minValidityMs` more (a web form
   * dies with INVALID_TOKEN when the token that created it expires). finAPI hands out the same token
   * until it expires, so a token too close to its end is revoked first and a new one requested.
   */
  async withUserTokenValidFor<T>(user: FinapiUserCredentials, minValidityMs: number, call: (token: string) => Promise<T>): Promise<T> {
    this.redactor.remember(user.password)
    const key = userKey(user)
    await this.token(key, (stale) => this.requestUserToken(user, stale))
    const current = this.cached.get(key)
    if (current && current.expiresAt !== null && current.expiresAt < this.now() + minValidityMs) {
      await this.revokeUserToken(current.accessToken)
      this.cached.delete(key)
    }
    return this.withToken(key, () => this.requestUserToken(user), call)
  }

  /** Drops everything cached for a user (e.g. after deleting it at finAPI). */
  forgetUser(userId: string): void {
    const prefix = userKeyPrefix(userId)
    for (const key of [...this.cached.keys()].filter((k) => k.startsWith(prefix))) {
      this.cached.delete(key)
    }
  }

  private async withToken<T>(
    key: string,
    fetch: (stale?: CachedToken) => Promise<CachedToken>,
    call: (token: string) => Promise<T>
  ): Promise<T> {
    const token = await this.token(key, fetch)
    try {
      return await call(token)
    } catch (error) {
      if (!isFinapiError(error) || !isInvalidTokenError(error)) {
        throw error
      }
      // finAPI rejected the call before processing it, so repeating it (even a POST) is safe.
      this.markStale(key, token)
      return call(await this.token(key, fetch))
    }
  }

  private async token(key: string, fetch: (stale?: CachedToken) => Promise<CachedToken>): Promise<string> {
    const hit = this.cached.get(key)
    if (hit && (hit.staleAt === null || hit.staleAt > this.now())) {
      return hit.accessToken
    }
    let pending = this.inflight.get(key)
    if (!pending) {
      pending = fetch(hit)
        .then((fresh) => {
          this.cached.set(key, fresh)
          return fresh
        })
        .finally(() => this.inflight.delete(key))
      this.inflight.set(key, pending)
    }
    return (await pending).accessToken
  }

  // Only the token that failed is dropped; a newer one fetched meanwhile by another call stays.
  private markStale(key: string, failedToken: string): void {
    const hit = this.cached.get(key)
    if (hit && hit.accessToken === failedToken) {
      this.cached.set(key, { ...hit, staleAt: 0 })
    }
  }

  private async requestClientToken(): Promise<CachedToken> {
    const answer = await this.requestToken("getClientToken", { grant_type: "client_credentials" })
    return this.toCached(answer)
  }

  private async requestUserToken(user: FinapiUserCredentials, stale?: CachedToken): Promise<CachedToken> {
    if (stale?.refreshToken) {
      try {
        const answer = await this.requestToken("refreshUserToken", {
          grant_type: "refresh_token",
          refresh_token: stale.refreshToken,
        })
        return this.toCached(answer, stale.refreshToken)
      } catch (error) {
        // An expired or revoked refresh token is normal; the password grant is the fallback.
        if (!isFinapiError(error, "auth")) {
          throw error
        }
      }
    }
    const answer = await this.requestToken("getUserToken", {
      grant_type: "password",
      username: user.userId,
      password: user.password,
    })
    return this.toCached(answer)
  }

  private async revokeUserToken(token: string): Promise<void> {
    await this.withClientToken((clientToken) =>
      this.transport.call({
        operation: "revokeUserToken",
        api: "access",
        method: "POST",
        path: REVOKE_PATH,
        form: { token, token_type_hint: "access_token" },
        token: clientToken,
        idempotent: true,
      })
    )
  }

  private async requestToken(operation: string, grant: Record<string, string>): Promise<AccessToken> {
    try {
      return await this.callTokenEndpoint(operation, grant)
    } catch (error) {
      // finAPI answers bad user credentials and dead refresh tokens with 400 ErrorMessage, not 401.
      if (isFinapiError(error) && (error.status === 400 || error.status === 401 || error.status === 403)) {
        throw withKind(error, "auth")
      }
      throw error
    }
  }

  private callTokenEndpoint(operation: string, grant: Record<string, string>): Promise<AccessToken> {
    return this.transport.call({
      operation,
      api: "access",
      method: "POST",
      path: TOKEN_PATH,
      form: { ...grant, client_id: this.config.clientId, client_secret: this.config.clientSecret },
      schema: AccessTokenSchema,
      // Asking twice for a token is harmless (finAPI returns the same one while valid)...
      idempotent: true,
      // ...but 423 here means "user locked after failed logins": retrying would only prolong it.
      retryOnLocked: false,
    })
  }

  private toCached(answer: AccessToken, previousRefreshToken?: string): CachedToken {
    this.redactor.remember(answer.access_token)
    this.redactor.remember(answer.refresh_token)
    const lifetime = answer.expires_in
    const margin = this.config.tokenRefreshMarginSeconds ?? Math.min(60, lifetime * 0.1)
    return {
      accessToken: answer.access_token,
      refreshToken: answer.refresh_token ?? previousRefreshToken,
      staleAt: lifetime === 0 ? null : this.now() + (lifetime - margin) * 1000,
      expiresAt: lifetime === 0 ? null : this.now() + lifetime * 1000,
    }
  }
}

// finAPI user ids are case-insensitive, so "Tenant-42" and "tenant-42" share one token. The
// password's hash is part of the key so a wrong password never rides on a cached token.
function userKey(user: FinapiUserCredentials): string {
  const passwordHash = createHash("sha256").update(user.password).digest("hex").slice(0, 16)
  return `${userKeyPrefix(user.userId)}${passwordHash}`
}

function userKeyPrefix(userId: string): string {
  return `user:${userId.toLowerCase()}:`
}
