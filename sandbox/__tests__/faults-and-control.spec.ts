import { AccessErrorSchema, WebFormErrorSchema } from "../../src/modules/bank-reconciliation/finapi/schemas"
import { openSession, type Session } from "./sandbox-session"

describe("sandbox fault injection and scenario control", () => {
  let s: Session
  let token: string
  beforeEach(async () => {
    s = await openSession()
    token = (await s.createUser()).token
  })
  afterEach(() => s.sandbox.close())

  const control = (method: string, path: string, json?: unknown) => s.call(method, `/__sandbox${path}`, { json })

  it("answers the next two matching calls with 429 and Retry-After, then recovers", async () => {
    await control("POST", "/faults", { kind: "429", count: 2, path: "/api/v2/bankConnections", retryAfterSeconds: 3 })
    const first = await s.call("GET", "/api/v2/bankConnections", { token })
    const unrelated = await s.call("GET", "/api/v2/accounts", { token })
    const second = await s.call("GET", "/api/v2/bankConnections", { token })
    const third = await s.call("GET", "/api/v2/bankConnections", { token })
    expect([first.status, unrelated.status, second.status, third.status]).toEqual([429, 200, 429, 200])
    expect(first.headers.get("retry-after")).toBe("3")
    expect(AccessErrorSchema.parse(first.body).requestId).toBe(first.headers.get("x-request-id"))
  })

  it("injects 500, 423 and latency, in the envelope of the API that was called", async () => {
    s.sandbox.control.injectFault({ kind: "server_error", path: "/api/v2/" })
    s.sandbox.control.injectFault({ kind: "locked", path: "/api/webForms" })
    s.sandbox.control.injectFault({ kind: "latency", latencyMs: 150, path: "/api/v2/users" })
    const serverError = await s.call("GET", "/api/v2/accounts", { token })
    expect([serverError.status, serverError.body.errors[0].code]).toEqual([500, "UNEXPECTED_ERROR"])
    const locked = await s.call("GET", "/api/webForms", { token })
    expect([locked.status, WebFormErrorSchema.parse(locked.body).code]).toEqual([423, "LOCKED"])
    const started = Date.now()
    expect((await s.call("GET", "/api/v2/users", { token })).status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(140)
  })

  it("drops the connection without an answer", async () => {
    s.sandbox.control.injectFault({ kind: "drop" })
    await expect(fetch(`${s.sandbox.url}/api/v2/users`, { headers: { Authorization: `Bearer ${token}` } })).rejects.toThrow()
    expect((await s.call("GET", "/api/v2/users", { token })).status).toBe(200)
  })

  it("expires the presented token, so the client must fetch a new one", async () => {
    await control("POST", "/faults", { kind: "expired_token", path: "/api/v2/users" })
    const res = await s.call("GET", "/api/v2/users", { token })
    expect([res.status, res.body.error]).toEqual([401, "invalid_token"])
    expect((await s.call("GET", "/api/v2/users", { token })).status).toBe(401)
  })

  it("rejects unknown fault kinds and lists and clears pending faults", async () => {
    expect((await control("POST", "/faults", { kind: "meteor" })).status).toBe(400)
    await control("POST", "/faults", { kind: "500", count: 3 })
    expect((await control("GET", "/faults")).body).toMatchObject([{ kind: "server_error", remaining: 3 }])
    await control("DELETE", "/faults")
    expect((await control("GET", "/faults")).body).toEqual([])
  })

  it("imports a connection, generates and adds transactions, and shows them in the state dump", async () => {
    const connection = (await control("POST", "/bankConnections", { userId: "shop-1", blz: "DEMO0002", pinSaved: false })).body
    const giro = connection.accountIds[0]
    const generated = (await control("POST", `/accounts/${giro}/transactions/generate`, { count: 1000, days: 30 })).body
    expect(generated).toMatchObject({ accountId: giro, count: 1000 })
    const added = (await control("POST", `/accounts/${giro}/transactions`, { transactions: [{ amount: 42.5, purpose: "Bestellung 4711", counterpartName: "Erika Mustermann", isPotentialDuplicate: true }] })).body
    const row = (await s.call("GET", `/api/v2/transactions/${added.ids[0]}`, { token })).body
    expect(row).toMatchObject({ amount: 42.5, purpose: "Bestellung 4711", isPotentialDuplicate: true })
    const dump = (await control("GET", "/state")).body
    expect(dump.bankConnections[0]).toMatchObject({ id: connection.id, pinSaved: false, bankId: 280002 })
    expect(dump.accounts.find((a: { id: number }) => a.id === giro).transactions).toEqual({ stored: 16, generated: 1000 })
  })

  it("expires a consent and sets userActionRequired on request", async () => {
    const connection = s.sandbox.control.importBankConnection({ userId: "shop-1" })
    await control("POST", `/bankConnections/${connection.id}/consent`, { expired: true, userActionRequired: true })
    const read = (await s.call("GET", `/api/v2/bankConnections/${connection.id}`, { token })).body
    expect(read.interfaces[0]).toMatchObject({ userActionRequired: true, aisConsent: { status: "NOT_PRESENT" } })
  })

  it("advances the clock and resets everything", async () => {
    const before = (await control("GET", "/clock")).body.epochMs
    const after = (await control("POST", "/clock/advance", { days: 1, minutes: 5 })).body.epochMs
    expect(after - before).toBeGreaterThanOrEqual(86_400_000 + 300_000)
    await control("POST", "/reset", {})
    expect((await s.call("GET", "/api/v2/users", { token })).status).toBe(401)
    expect((await control("GET", "/state")).body.users).toEqual([])
  })

  it("drives a web form from control: complete, fail with a given error code", async () => {
    const form = (await s.call("POST", "/api/webForms/bankConnectionImport", { token, json: {} })).body
    const completed = (await control("POST", `/webForms/${form.id}/complete`, { savePin: false, accountSlots: [0] })).body
    expect(completed).toMatchObject({ status: "COMPLETED", payload: { bankConnectionId: expect.any(Number) } })
    const other = (await s.call("POST", "/api/webForms/bankConnectionImport", { token, json: {} })).body
    const failed = (await control("POST", `/webForms/${other.id}/fail`, { errorCode: "INTERNAL_ERROR" })).body
    expect(failed).toMatchObject({ status: "COMPLETED_WITH_ERROR", payload: { errorCode: "INTERNAL_ERROR" } })
    expect((await control("POST", `/webForms/${other.id}/abort`)).status).toBe(409)
  })

  it("supports X-HTTP-Method-Override and answers unknown paths with 404", async () => {
    const connection = s.sandbox.control.importBankConnection({ userId: "shop-1" })
    await new Promise((resolve) => setTimeout(resolve, 10))
    const deleted = await s.call("POST", `/api/v2/bankConnections/${connection.id}`, { token, headers: { "X-HTTP-Method-Override": "DELETE" } })
    expect(deleted.status).toBe(200)
    expect((await s.call("GET", `/api/v2/bankConnections/${connection.id}`, { token })).body.errors[0].code).toBe("UNKNOWN_ENTITY")
    expect((await s.call("GET", "/api/v2/nothing-here", { token })).status).toBe(404)
  })
})
