import { countCalls, itLocal, newUserCredentials, observedClient, startTarget, type ContractTarget } from "./support/contract-target"

describe("finAPI client tokens", () => {
  let target: ContractTarget

  beforeAll(async () => {
    target = await startTarget()
  })
  afterAll(() => target.close())

  it("asks for the client token once and reuses it while it is valid", async () => {
    const { client, calls } = observedClient(target)
    await client.createUser(toParams(newUserCredentials()))
    await client.createUser(toParams(newUserCredentials()))
    expect(countCalls(calls, "getClientToken")).toBe(1)
    expect(countCalls(calls, "createUser")).toBe(2)
  })

  it("asks for a user token once and reuses it for later calls", async () => {
    const { client, calls } = observedClient(target)
    const user = newUserCredentials()
    await client.createUser(toParams(user))
    await client.getUser(user)
    await client.listBankConnections(user)
    await client.listAccounts(user)
    expect(countCalls(calls, "getUserToken")).toBe(1)
  })

  it("never sends two token requests for the same user at the same time", async () => {
    const { client, calls } = observedClient(target)
    const user = newUserCredentials()
    await client.createUser(toParams(user))
    const users = await Promise.all(Array.from({ length: 10 }, () => client.getUser(user)))
    expect(users.every((u) => u.id === user.userId)).toBe(true)
    expect(countCalls(calls, "getUserToken")).toBe(1)
  })

  it("shares one token between spellings of the same (case-insensitive) user id", async () => {
    const { client, calls } = observedClient(target)
    const user = newUserCredentials()
    await client.createUser(toParams(user))
    await client.getUser(user)
    await client.getUser({ ...user, userId: user.userId.toUpperCase() })
    expect(countCalls(calls, "getUserToken")).toBe(1)
  })

  itLocal("renews a user token shortly before it expires using the refresh token", async () => {
    const sandbox = target.sandbox!
    sandbox.control.settings({ userAccessTokensValidityPeriod: 2 })
    try {
      // the client reads the sandbox's clock, so 1.7 s pass for both without waiting for them
      const { client, calls } = observedClient(target, { tokenRefreshMarginSeconds: 0.5, now: () => sandbox.control.now().epochMs })
      const user = newUserCredentials()
      await client.createUser(toParams(user))
      await client.getUser(user)
      sandbox.control.advanceClock(1_700)
      await client.getUser(user)
      expect(countCalls(calls, "getUserToken")).toBe(1)
      expect(countCalls(calls, "refreshUserToken")).toBe(1)
      expect(calls.filter((c) => c.status === 401)).toHaveLength(0)
    } finally {
      sandbox.control.settings({ userAccessTokensValidityPeriod: 3600 })
    }
  })

  itLocal("refreshes the user token once when finAPI answers 401 invalid_token and retries the call", async () => {
    const sandbox = target.sandbox!
    const { client, calls } = observedClient(target)
    const user = newUserCredentials()
    await client.createUser(toParams(user))
    await client.getUser(user)
    sandbox.control.expireTokens()
    const again = await client.getUser(user)
    expect(again.id).toBe(user.userId)
    const getUserCalls = calls.filter((c) => c.operation === "getUser")
    expect(getUserCalls.map((c) => c.status)).toEqual([200, 401, 200])
    expect(countCalls(calls, "refreshUserToken")).toBe(1)
  })

  itLocal("falls back to the password grant when the refresh token is no longer accepted", async () => {
    const sandbox = target.sandbox!
    sandbox.control.settings({ refreshTokensValidityPeriod: 1 })
    try {
      const { client, calls } = observedClient(target)
      const user = newUserCredentials()
      await client.createUser(toParams(user))
      await client.getUser(user)
      sandbox.control.advanceClock(5_000)
      sandbox.control.expireTokens()
      await client.getUser(user)
      expect(calls.filter((c) => c.operation === "refreshUserToken").map((c) => c.outcome)).toEqual(["error"])
      expect(countCalls(calls, "getUserToken")).toBe(2)
    } finally {
      sandbox.control.settings({ refreshTokensValidityPeriod: 0 })
    }
  })

  itLocal("reports a second 401 in a row as an auth error instead of looping", async () => {
    const sandbox = target.sandbox!
    const { client, calls } = observedClient(target)
    const user = newUserCredentials()
    await client.createUser(toParams(user))
    await client.getUser(user)
    sandbox.control.injectFault({ kind: "expired_token", count: 2, path: "/api/v2/users", method: "GET" })
    await expect(client.getUser(user)).rejects.toMatchObject({ kind: "auth", status: 401, code: "invalid_token" })
    expect(calls.filter((c) => c.operation === "getUser" && c.status === 401)).toHaveLength(2)
  })
})

function toParams(user: { userId: string; password: string }) {
  return { id: user.userId, password: user.password }
}
