import type { FinapiUserCredentials } from "../../src/modules/bank-reconciliation/finapi"
import { describeLocal, newUserCredentials, observedClient, startTarget, type ContractTarget, type ObservedClient } from "./support/contract-target"

// Fault injection is a feature of the local sandbox only; against finAPI this group is skipped.
describeLocal("finAPI client under injected faults", () => {
  let target: ContractTarget
  let observed: ObservedClient
  let user: FinapiUserCredentials

  const inject = (spec: Parameters<NonNullable<ContractTarget["sandbox"]>["control"]["injectFault"]>[0]) =>
    target.sandbox!.control.injectFault(spec)
  const lastCall = (operation: string) => observed.calls.filter((c) => c.operation === operation).at(-1)!

  beforeAll(async () => {
    target = await startTarget()
    observed = observedClient(target)
    user = newUserCredentials()
    await observed.client.createUser({ id: user.userId, password: user.password })
    await observed.client.getUser(user)
  })
  afterEach(() => target.sandbox!.control.clearFaults())
  afterAll(() => target.close())

  it("waits as long as Retry-After says on a 429 and then succeeds", async () => {
    inject({ kind: "rate_limit", count: 1, retryAfterSeconds: 1, path: "/api/v2/accounts" })
    const started = Date.now()
    await observed.client.listAccounts(user)
    expect(Date.now() - started).toBeGreaterThanOrEqual(950)
    expect(lastCall("listAccounts")).toMatchObject({ outcome: "ok", status: 200, attempts: 2 })
  })

  it("returns a rate-limited error at once when Retry-After is longer than the client will wait", async () => {
    inject({ kind: "rate_limit", count: 1, retryAfterSeconds: 30, path: "/api/v2/accounts" })
    await expect(observed.client.listAccounts(user)).rejects.toMatchObject({
      kind: "rate-limited",
      status: 429,
      retryAfterMs: 30_000,
    })
    expect(lastCall("listAccounts").attempts).toBe(1)
  })

  it("retries a 500 on a read with backoff and succeeds", async () => {
    inject({ kind: "server_error", count: 2, path: "/api/v2/bankConnections" })
    await observed.client.listBankConnections(user)
    expect(lastCall("listBankConnections")).toMatchObject({ outcome: "ok", attempts: 3 })
  })

  it("gives up after the configured attempts with an unavailable error", async () => {
    inject({ kind: "server_error", count: 10, path: "/api/v2/bankConnections" })
    await expect(observed.client.listBankConnections(user)).rejects.toMatchObject({
      kind: "unavailable",
      status: 500,
      code: "UNEXPECTED_ERROR",
      envelope: "access",
    })
    expect(lastCall("listBankConnections").attempts).toBe(4)
  })

  it("does not repeat a POST that failed with 500, because finAPI may have processed it", async () => {
    inject({ kind: "server_error", count: 1, path: "/api/v2/users", method: "POST" })
    const other = newUserCredentials()
    await expect(observed.client.createUser({ id: other.userId, password: other.password })).rejects.toMatchObject({
      kind: "unavailable",
      status: 500,
    })
    expect(lastCall("createUser").attempts).toBe(1)
  })

  it("retries a POST that finAPI refused with 423 LOCKED or 429, since it was not processed", async () => {
    inject({ kind: "locked", count: 1, path: "/api/webForms/bankConnectionImport" })
    inject({ kind: "rate_limit", count: 1, retryAfterSeconds: 0, path: "/api/webForms/bankConnectionImport" })
    const form = await observed.client.createBankConnectionImportWebForm(user, {})
    expect(form.status).toBe("NOT_YET_OPENED")
    expect(lastCall("createBankConnectionImportWebForm")).toMatchObject({ outcome: "ok", attempts: 3 })
  })

  it("retries a read answered with 423 LOCKED", async () => {
    inject({ kind: "locked", count: 1, path: "/api/v2/transactions" })
    await observed.client.listTransactions(user, { view: "bankView" })
    expect(lastCall("listTransactions")).toMatchObject({ outcome: "ok", attempts: 2 })
  })

  it("times out a slow answer and retries it", async () => {
    const impatient = observedClient(target, { timeoutMs: 300 })
    inject({ kind: "latency", count: 1, latencyMs: 1_000, path: "/api/v2/accounts" })
    await impatient.client.listAccounts(user)
    expect(impatient.calls.find((c) => c.operation === "listAccounts")).toMatchObject({ outcome: "ok", attempts: 2 })
    expect(impatient.logs.some((l) => l.includes("ETIMEDOUT"))).toBe(true)
  })

  it("reports answers that keep timing out as a network error", async () => {
    const impatient = observedClient(target, { timeoutMs: 200 })
    inject({ kind: "latency", count: 4, latencyMs: 600, path: "/api/v2/accounts" })
    await expect(impatient.client.listAccounts(user)).rejects.toMatchObject({ kind: "network", networkCode: "ETIMEDOUT" })
  })

  it("retries a read whose connection was dropped", async () => {
    inject({ kind: "drop", count: 1, path: "/api/v2/notificationRules" })
    await observed.client.listNotificationRules(user)
    expect(lastCall("listNotificationRules")).toMatchObject({ outcome: "ok", attempts: 2 })
  })

  it("does not repeat a POST whose connection dropped and reports a network error", async () => {
    inject({ kind: "drop", count: 1, path: "/api/v2/notificationRules", method: "POST" })
    await expect(
      observed.client.createNotificationRule(user, { triggerEvent: "NEW_TRANSACTIONS", callbackHandle: "h" })
    ).rejects.toMatchObject({ kind: "network", networkCode: "ECONNRESET" })
    expect(lastCall("createNotificationRule").attempts).toBe(1)
  })

  it("recovers from a token that expired between two calls", async () => {
    inject({ kind: "expired_token", count: 1, path: "/api/v2/accounts" })
    await observed.client.listAccounts(user)
    expect(observed.calls.filter((c) => c.operation === "listAccounts").slice(-2).map((c) => c.status)).toEqual([401, 200])
  })

  it("sends a fresh X-Request-Id with every call and marks retries of the same call", async () => {
    inject({ kind: "server_error", count: 1, path: "/api/v2/users", method: "GET" })
    await observed.client.getUser(user)
    const ids = observed.calls.map((c) => c.requestId)
    expect(new Set(ids).size).toBe(ids.length)
    expect(lastCall("getUser").requestId).toMatch(/^[0-9a-f-]{36}\.2$/)
    expect(observed.logs.some((l) => l.includes("getUser attempt 1 failed (500)"))).toBe(true)
  })
})
