import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import axios from "axios"
import { FinapiClient, isFinapiError, type FinapiUserCredentials } from "../../src/modules/bank-reconciliation/finapi"
import { connectionFieldsFromFinapi } from "../../src/modules/bank-reconciliation/bank-connection-state"
import { updateBankConnectionData } from "../../src/modules/bank-reconciliation/finapi/update-bank-connection-data"
import { describeLocal, newUserCredentials, observedClient, startTarget, type ContractTarget } from "./support/contract-target"
import { useConnectedUser, waitUntilReady } from "./support/local-scenarios"

/**
 * Each case checks one point where the client once differed from finAPI's own contract (Access V2,
 * Web Form 2.0; shared/finapi/REFERENCE.md and the OpenAPI files there). The sandbox validates
 * requests with schemas written from that contract, not with the client's, so a client mistake shows.
 */
const USER_METADATA = { ipAddress: "203.0.113.7", deviceOs: "Linux", userAgent: "Contract test" }

async function userToken(target: ContractTarget, user: FinapiUserCredentials): Promise<string> {
  const form = new URLSearchParams({ grant_type: "password", username: user.userId, password: user.password, client_id: target.clientId, client_secret: target.clientSecret })
  return (await axios.post(`${target.accessBaseUrl}/api/v2/oauth/token`, form)).data.access_token
}

async function rawPost(target: ContractTarget, user: FinapiUserCredentials, path: string, body: unknown) {
  const token = await userToken(target, user)
  return axios.post(`${target.accessBaseUrl}${path}`, body, { headers: { authorization: `Bearer ${token}` }, validateStatus: () => true })
}

describeLocal("finAPI fidelity: requests as finAPI's contract requires them (local sandbox)", () => {
  const fx = useConnectedUser()

  it("mockBatchUpdate: bankingInterface is required by finAPI; the sandbox refuses a request without it", async () => {
    const accountId = fx.connection.accountIds[0]
    const body = { mockBankConnectionUpdates: [{ bankConnectionId: fx.connection.id, mockAccountsData: [{ accountId, accountBalance: 0, newTransactions: [] }] }] }
    const refused = await rawPost(fx.target, fx.user, "/api/v2/tests/mockBatchUpdate", body)
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.data)).toMatch(/mockBankConnectionUpdates\.0\.bankingInterface/)
    const balance = Number((await fx.observed.client.getAccount(fx.user, accountId)).balance)
    await fx.observed.client.mockBatchUpdate(fx.user, {
      mockBankConnectionUpdates: [{ bankConnectionId: fx.connection.id, bankingInterface: "XS2A", mockAccountsData: [{ accountId, accountBalance: balance, newTransactions: [] }] }],
    })
    await waitUntilReady(fx.observed.client, fx.user, fx.connection.id)
  })

  it("the deprecated POST /api/webForms/bankConnectionUpdate is gone (404/405), as in current Web Form versions, and the client has no such call", async () => {
    const gone = await rawPost(fx.target, fx.user, "/api/webForms/bankConnectionUpdate", { bank: { bankConnectionId: fx.connection.id } })
    // the path now only names a form id, which takes GET and DELETE
    expect([404, 405]).toContain(gone.status)
    expect((fx.observed.client as unknown as Record<string, unknown>).createBankConnectionUpdateWebForm).toBeUndefined()
  })

  it("background updates always carry userMetadata: the sandbox refuses a task without it, the plugin's update sends it", async () => {
    const refused = await rawPost(fx.target, fx.user, "/api/tasks/backgroundUpdate", { bankConnectionId: fx.connection.id })
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.data)).toMatch(/userMetadata/)
    const update = await updateBankConnectionData(fx.observed.client, fx.user, fx.connection.id, { timeoutMs: 20_000, userMetadata: USER_METADATA })
    expect(update).toEqual({ outcome: "ready" })
  })

  it("task polling: GET /api/tasks/{id} at most once a second, however short the interval asked for", async () => {
    fx.target.sandbox!.control.settings({ updateDelayMs: 3_500 })
    try {
      const before = fx.observed.calls.length
      const task = await fx.observed.client.startBackgroundUpdate(fx.user, { bankConnectionId: fx.connection.id, userMetadata: USER_METADATA })
      await fx.observed.client.waitForTask(fx.user, task.id, { pollIntervalMs: 100, timeoutMs: 20_000 })
      const polls = fx.observed.calls.slice(before).filter((c) => c.operation === "getTask").map((c) => Date.parse(c.at))
      expect(polls.length).toBeGreaterThanOrEqual(2)
      const gaps = polls.slice(1).map((at, i) => at - polls[i])
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(990)
    } finally {
      fx.target.sandbox!.control.settings({ updateDelayMs: 300 })
    }
    await waitUntilReady(fx.observed.client, fx.user, fx.connection.id)
  })
})

describeLocal("finAPI fidelity: tokens, stored credentials, URLs and sizes (local sandbox)", () => {
  let target: ContractTarget
  beforeEach(async () => {
    target = await startTarget()
  })
  afterEach(() => target.close())

  it("never creates a web form with a token about to expire (finAPI hands out the same token until it expires)", async () => {
    const user = newUserCredentials()
    const first = observedClient(target).client
    await first.createUser({ id: user.userId, password: user.password })
    await first.getUser(user)
    // 55 of the token's 60 minutes pass; another process (fresh client) now opens a form that lives 20 minutes
    target.sandbox!.control.advanceClock(55 * 60_000)
    const second = observedClient(target).client
    const form = await second.createBankConnectionImportWebForm(user, { bank: { search: "DEMO0001" } })
    target.sandbox!.control.advanceClock(6 * 60_000)
    target.sandbox!.control.completeWebForm(form.id)
    const finished = await second.getWebForm(user, form.id)
    expect(finished.payload?.errorCode ?? null).toBeNull()
    expect(finished.status).toBe("COMPLETED")
  })

  it("'PIN saved' comes from the bank's secret login fields, not from a value masked as XXXXX", async () => {
    const { client } = observedClient(target)
    const user = newUserCredentials()
    await client.createUser({ id: user.userId, password: user.password })
    const linked = async (savePin: boolean) => {
      const form = await client.createBankConnectionImportWebForm(user, { bank: { search: "DEMO0001" } })
      target.sandbox!.control.completeWebForm(form.id, { savePin, loginName: savePin ? "demo" : "demo_no_msa" })
      const id = (await client.getWebForm(user, form.id)).payload?.bankConnectionId as number
      return waitUntilReady(client, user, id)
    }
    const withoutPin = await linked(false)
    // a client without credentials licence sees every stored value masked, the login name too
    expect(withoutPin.interfaces[0].loginCredentials?.find((c) => c.label === "Onlinebanking-ID")?.value).toBe("XXXXX")
    expect(connectionFieldsFromFinapi(withoutPin, new Date()).secrets_stored).toBe(false)
    expect(connectionFieldsFromFinapi(await linked(true), new Date()).secrets_stored).toBe(true)
  })

  it("refuses a web-form URL that is not http(s) before anyone can open it", async () => {
    const { client } = observedClient(target)
    const user = newUserCredentials()
    await client.createUser({ id: user.userId, password: user.password })
    target.sandbox!.control.settings({ publicUrl: "javascript:alert(document.cookie)//" })
    const error = await client.createBankConnectionImportWebForm(user, { bank: { search: "DEMO0001" } }).catch((e: unknown) => e)
    expect(isFinapiError(error, "response-validation")).toBe(true)
    expect((error as Error).message).toMatch(/url/)
  })
})

describe("finAPI fidelity: response size limit", () => {
  let server: Server
  let url: string
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url?.startsWith("/api/v2/oauth/token")) {
        res.setHeader("content-type", "application/json")
        res.end(JSON.stringify({ access_token: "t", token_type: "bearer", expires_in: 3600, scope: "all" }))
        return
      }
      // a never-ending JSON body: without a limit the client would buffer it until memory runs out
      res.setHeader("content-type", "application/json")
      res.write('{"id":"u","password":"XXXXX","email":"')
      const chunk = "x".repeat(64 * 1024)
      const pump = () => {
        while (res.write(chunk)) {
          if (res.writableLength > 1 << 20) break
        }
      }
      res.on("drain", pump)
      pump()
      req.on("close", () => res.destroy())
    })
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it("stops reading an answer larger than maxResponseBytes and reports it, without retrying", async () => {
    const client = new FinapiClient({ accessBaseUrl: url, webFormBaseUrl: url, clientId: "c", clientSecret: "s", maxResponseBytes: 2_000_000, retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 20 } })
    const started = Date.now()
    const error = await client.getUser({ userId: "u", password: "p" }).catch((e: unknown) => e)
    expect(isFinapiError(error)).toBe(true)
    expect((error as Error).message).toMatch(/larger than 2000000 bytes/)
    expect(Date.now() - started).toBeLessThan(10_000)
  })
})
