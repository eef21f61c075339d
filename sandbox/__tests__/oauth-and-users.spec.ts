import { AccessErrorSchema, AccessTokenSchema, OAuthErrorSchema, UserSchema } from "../../src/modules/bank-reconciliation/finapi/schemas"
import { openSession, type Session } from "./sandbox-session"

describe("sandbox OAuth and users", () => {
  let s: Session
  beforeEach(async () => {
    s = await openSession()
  })
  afterEach(() => s.sandbox.close())

  it("issues a client token in finAPI's AccessToken shape and returns the same token while it is valid", async () => {
    const form = { grant_type: "client_credentials", client_id: "sandbox-client", client_secret: "sandbox-secret" }
    const first = await s.call("POST", "/api/v2/oauth/token", { form })
    const second = await s.call("POST", "/api/v2/oauth/token", { form })
    expect(first.status).toBe(200)
    const token = AccessTokenSchema.parse(first.body)
    expect(token).toMatchObject({ token_type: "bearer", expires_in: 3600, scope: "all", refresh_token: null })
    expect(second.body.access_token).toBe(token.access_token)
  })

  it("rejects wrong client credentials with 401 invalid_client in the OAuth envelope", async () => {
    const res = await s.call("POST", "/api/v2/oauth/token", { form: { grant_type: "client_credentials", client_id: "sandbox-client", client_secret: "nope" } })
    expect(res.status).toBe(401)
    expect(OAuthErrorSchema.parse(res.body)).toMatchObject({ error: "invalid_client" })
  })

  it("honours FINAPI-style custom client credentials", async () => {
    const custom = await openSession({ clientId: "acme", clientSecret: "acme-secret" })
    const ok = await custom.call("POST", "/api/v2/oauth/token", { form: { grant_type: "client_credentials", client_id: "acme", client_secret: "acme-secret" } })
    const old = await custom.call("POST", "/api/v2/oauth/token", { form: { grant_type: "client_credentials", client_id: "sandbox-client", client_secret: "sandbox-secret" } })
    await custom.sandbox.close()
    expect([ok.status, old.status]).toEqual([200, 401])
  })

  it("creates a user with the client token (201, clear password) and masks the password on GET", async () => {
    const user = await s.createUser("Tenant-42", "secret-42")
    const me = await s.call("GET", "/api/v2/users", { token: user.token })
    expect(UserSchema.parse(me.body)).toMatchObject({ id: "Tenant-42", password: "XXXXX", isAutoUpdateEnabled: false })
  })

  it("answers a duplicate user id (case-insensitive) with 422 ENTITY_EXISTS", async () => {
    await s.createUser("tenant-x")
    const res = await s.call("POST", "/api/v2/users", { token: await s.clientToken(), json: { id: "TENANT-X", password: "another1" } })
    expect(res.status).toBe(422)
    expect(AccessErrorSchema.parse(res.body).errors[0].code).toBe("ENTITY_EXISTS")
  })

  it("answers bad user credentials with 400 ErrorMessage and an unknown refresh token likewise", async () => {
    await s.createUser("tenant-y", "right-pw")
    const base = { client_id: "sandbox-client", client_secret: "sandbox-secret" }
    const bad = await s.call("POST", "/api/v2/oauth/token", { form: { ...base, grant_type: "password", username: "tenant-y", password: "wrong" } })
    const refresh = await s.call("POST", "/api/v2/oauth/token", { form: { ...base, grant_type: "refresh_token", refresh_token: "nope" } })
    expect([bad.status, refresh.status]).toEqual([400, 400])
    expect(AccessErrorSchema.parse(bad.body).errors[0].code).toBe("BAD_REQUEST")
  })

  it("expires user tokens after expires_in and lets the refresh token get a new one", async () => {
    const user = await s.createUser()
    s.sandbox.control.advanceClock(3601_000)
    const expired = await s.call("GET", "/api/v2/users", { token: user.token })
    expect(expired.status).toBe(401)
    expect(expired.body).toEqual({ error: "invalid_token", error_description: `Invalid access token: ${user.token}` })
    const refreshed = await s.call("POST", "/api/v2/oauth/token", { form: { grant_type: "refresh_token", refresh_token: user.refreshToken, client_id: "sandbox-client", client_secret: "sandbox-secret" } })
    expect(refreshed.status).toBe(200)
    expect(refreshed.body.access_token).not.toBe(user.token)
    expect((await s.call("GET", "/api/v2/users", { token: refreshed.body.access_token })).status).toBe(200)
  })

  it("hands out short-lived tokens when scenario control asks for them", async () => {
    s.sandbox.control.settings({ userAccessTokensValidityPeriod: 2 })
    const user = await s.createUser("short-lived")
    const me = await s.call("POST", "/api/v2/oauth/token", { form: { grant_type: "password", username: "short-lived", password: user.password, client_id: "sandbox-client", client_secret: "sandbox-secret" } })
    expect(me.body.expires_in).toBeLessThanOrEqual(2)
    s.sandbox.control.advanceClock(2_001)
    expect((await s.call("GET", "/api/v2/users", { token: user.token })).status).toBe(401)
  })

  it("refuses a client token on user endpoints with 403 UNAUTHORIZED_ACCESS", async () => {
    const res = await s.call("GET", "/api/v2/bankConnections", { token: await s.clientToken() })
    expect(res.status).toBe(403)
    expect(AccessErrorSchema.parse(res.body).errors[0].code).toBe("UNAUTHORIZED_ACCESS")
  })

  it("deletes the user with 200 and an empty body, and its token stops working", async () => {
    const user = await s.createUser()
    const res = await s.call("DELETE", "/api/v2/users", { token: user.token })
    expect(res.status).toBe(200)
    expect(res.body).toBeNull()
    expect((await s.call("GET", "/api/v2/users", { token: user.token })).status).toBe(401)
  })

  it("echoes X-Request-Id, or generates a selfgen- one, on every response including errors", async () => {
    const echoed = await s.call("GET", "/api/v2/users", { headers: { "X-Request-Id": "req-123" } })
    const generated = await s.call("GET", "/api/v2/banks")
    expect(echoed.headers.get("x-request-id")).toBe("req-123")
    expect(generated.headers.get("x-request-id")).toMatch(/^selfgen-/)
  })

  it("revokes a token (always 200, even for unknown ones)", async () => {
    const user = await s.createUser()
    const client = await s.clientToken()
    expect((await s.call("POST", "/api/v2/oauth/revoke", { token: client, form: { token: user.token } })).status).toBe(200)
    expect((await s.call("POST", "/api/v2/oauth/revoke", { token: client, form: { token: "unknown" } })).status).toBe(200)
    expect((await s.call("GET", "/api/v2/users", { token: user.token })).status).toBe(401)
  })
})
