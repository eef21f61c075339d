import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import {
  FinapiResponseValidationError,
  isFinapiError,
  type FinapiUserCredentials,
} from "../../src/modules/bank-reconciliation/finapi"
import { HttpTransport } from "../../src/modules/bank-reconciliation/finapi/http-transport"
import { SecretRedactor } from "../../src/modules/bank-reconciliation/finapi/secret-redactor"
import { newUserCredentials, observedClient, startTarget, usesRealFinapi, type ContractTarget, type ObservedClient } from "./support/contract-target"

describe("finAPI client: finAPI's own errors for bad input", () => {
  let target: ContractTarget
  let observed: ObservedClient
  let user: FinapiUserCredentials

  beforeAll(async () => {
    target = await startTarget()
    observed = observedClient(target)
    user = newUserCredentials()
    await observed.client.createUser({ id: user.userId, password: user.password })
  })
  afterAll(() => target.close())

  it("turns a transaction query without `view` into a validation error that names the parameter", async () => {
    const error = await observed.client.listTransactions(user, { view: undefined as never }).catch((e: unknown) => e)
    expect(error).toMatchObject({ kind: "validation", status: 400, envelope: "access", operation: "listTransactions" })
    expect((error as Error).message).toMatch(/view/)
  })

  it("turns perPage above 500 into a validation error", async () => {
    const error = await observed.client.listTransactions(user, { view: "bankView", perPage: 501 }).catch((e: unknown) => e)
    expect(error).toMatchObject({ kind: "validation", status: 400, envelope: "access" })
    if (!usesRealFinapi) {
      // The exact finAPI code for this case is inferred (REFERENCE.md §Simulator 7).
      expect(error).toMatchObject({ code: "ILLEGAL_PAGE_SIZE" })
    }
  })

  it.each([
    ["getBankConnection", (u: FinapiUserCredentials) => observed.client.getBankConnection(u, 987654321)],
    ["getAccount", (u: FinapiUserCredentials) => observed.client.getAccount(u, 987654321)],
    ["deleteNotificationRule", (u: FinapiUserCredentials) => observed.client.deleteNotificationRule(u, 987654321)],
  ])("reports an unknown id in %s as not-found (UNKNOWN_ENTITY)", async (operation, call) => {
    const error = await call(user).catch((e: unknown) => e)
    expect(error).toMatchObject({ kind: "not-found", status: 404, code: "UNKNOWN_ENTITY", envelope: "access", operation })
    expect((error as { requestId?: string }).requestId).toBeTruthy()
  })

  it("reports an unknown web form as not-found from the Web Form envelope", async () => {
    await expect(observed.client.getWebForm(user, "00000000-0000-0000-0000-000000000000")).rejects.toMatchObject({
      kind: "not-found",
      status: 404,
      code: "NOT_FOUND",
      envelope: "web-form",
    })
  })

  it("parses the Web Form field-validation envelope for a non-HTTPS callback", async () => {
    const error = await observed.client
      .createBankConnectionImportWebForm(user, { callbacks: { finalised: "http://insecure.example.com/cb" } })
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ kind: "validation", status: 400, envelope: "web-form-validation" })
    expect((error as Error).message).toContain("callbacks.finalised")
  })

  it("answers a made-up bearer token with 401 invalid_token in the OAuth envelope", async () => {
    const transport = new HttpTransport(
      { accessBaseUrl: target.accessBaseUrl, webFormBaseUrl: target.webFormBaseUrl, clientId: "x", clientSecret: "y", retry: { baseDelayMs: 10 } },
      new SecretRedactor()
    )
    const error = await transport
      .call({ operation: "getUser", api: "access", method: "GET", path: "/api/v2/users", token: "made-up-token-123" })
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ kind: "auth", status: 401, code: "invalid_token", envelope: "oauth" })
    expect((error as Error).message).not.toContain("made-up-token-123")
  })

  it("rejects wrong client credentials as an auth error", async () => {
    const wrong = observedClient(target, { clientSecret: "definitely-wrong-secret" })
    const error = await wrong.client.createUser({ id: newUserCredentials().userId }).catch((e: unknown) => e)
    expect(error).toMatchObject({ kind: "auth", status: 401, envelope: "oauth", operation: "getClientToken" })
    expect((error as Error).message).not.toContain("definitely-wrong-secret")
  })

  it("rejects a wrong user password as an auth error", async () => {
    const error = await observed.client.getUser({ ...user, password: "wrong-password-1" }).catch((e: unknown) => e)
    expect(isFinapiError(error, "auth")).toBe(true)
    expect(error).toMatchObject({ status: 400, operation: "getUserToken" })
  })
})

describe("finAPI client: response validation", () => {
  let server: Server
  let url: string
  let body: unknown

  beforeAll(async () => {
    server = createServer((req, res) => {
      res.setHeader("Content-Type", "application/json")
      if (req.url?.startsWith("/api/v2/oauth/token")) {
        res.end(JSON.stringify({ access_token: "stub-token-abcdef", token_type: "bearer", refresh_token: "stub-refresh-abcdef", expires_in: 3600, scope: "all" }))
        return
      }
      res.end(JSON.stringify(body))
    })
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  const stubClient = () =>
    observedClient({ accessBaseUrl: url, webFormBaseUrl: url, clientId: "c", clientSecret: "s-secret", close: async () => undefined })
  const user = { userId: "u-1", password: "stub-password" }

  it("names the missing field when finAPI's answer lacks a required one", async () => {
    body = { connections: [{ id: 1, accountIds: [], bank: { id: 1, name: "B" }, interfaces: [] }] }
    const error = await stubClient().client.listBankConnections(user).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(FinapiResponseValidationError)
    expect((error as FinapiResponseValidationError).fieldPaths).toContain("connections.0.updateStatus")
    expect((error as Error).message).toContain("connections.0.updateStatus")
  })

  it("tolerates unknown extra fields and keeps them", async () => {
    body = { accounts: [{ id: 5, bankConnectionId: 1, accountType: "Checking", balance: 12.5, brandNewField: "x" }] }
    const [account] = await stubClient().client.listAccounts(user)
    expect(account).toMatchObject({ id: 5, balance: "12.50", brandNewField: "x" })
  })
})
