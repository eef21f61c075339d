import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { NewTransactionsNotificationSchema, PageableTransactionListSchema } from "../../src/modules/bank-reconciliation/finapi/schemas"
import { openSession, type Session } from "./sandbox-session"

describe("sandbox POST /api/v2/tests/mockBatchUpdate", () => {
  let s: Session
  let token: string
  let connectionId: number
  let giro: number
  beforeEach(async () => {
    s = await openSession()
    token = (await s.createUser()).token
    const connection = s.sandbox.control.importBankConnection({ userId: "shop-1", pinSaved: true })
    connectionId = connection.id
    giro = connection.accountIds[0]
    await new Promise((resolve) => setTimeout(resolve, 10))
  })
  afterEach(() => s.sandbox.close())

  const balanceOf = async (id: number) => (await s.call("GET", `/api/v2/accounts/${id}`, { token })).body.balance as number
  const mock = (body: unknown) => s.call("POST", "/api/v2/tests/mockBatchUpdate", { token, json: body })

  it("appends new transactions, skips those older than 89 days and records lastAutoUpdate", async () => {
    const balance = await balanceOf(giro)
    const res = await mock({
      mockBankConnectionUpdates: [{ bankConnectionId: connectionId, bankingInterface: "XS2A", mockAccountsData: [{ accountId: giro, accountBalance: balance + 100.1, newTransactions: [
        { amount: 100.1, purpose: "EREF+E2E-77 SVWZ+Bestellung 1077", counterpart: "Olga Öztürk", bookingDate: "2026-11-19", endToEndReference: "E2E-77" },
        { amount: 5, purpose: "far too old", bookingDate: "2026-01-02" },
      ] }] }],
    })
    expect(res.status).toBe(200)
    const rows = PageableTransactionListSchema.parse((await s.call("GET", "/api/v2/transactions?view=bankView&search=1077", { token })).body).transactions
    expect(rows).toMatchObject([{ amount: 100.1, counterpartName: "Olga Öztürk", endToEndReference: "E2E-77", isAdjustingEntry: false }])
    expect((await s.call("GET", "/api/v2/transactions?view=bankView&search=old", { token })).body.transactions).toEqual([])
    await new Promise((resolve) => setTimeout(resolve, 10))
    const connection = (await s.call("GET", `/api/v2/bankConnections/${connectionId}`, { token })).body
    expect(connection.interfaces[0].lastAutoUpdate.result).toBe("OK")
  })

  it("closes a balance gap with an adjusting entry and reports UPDATED_FIXED", async () => {
    const balance = await balanceOf(giro)
    await mock({ mockBankConnectionUpdates: [{ bankConnectionId: connectionId, bankingInterface: "XS2A", mockAccountsData: [{ accountId: giro, accountBalance: balance + 12.34 }] }] })
    const adjusting = (await s.call("GET", "/api/v2/transactions?view=bankView&isAdjustingEntry=true&order=id,desc", { token })).body.transactions[0]
    expect(adjusting).toMatchObject({ amount: 12.34, isAdjustingEntry: true })
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect((await s.call("GET", `/api/v2/accounts/${giro}`, { token })).body.interfaces[0].status).toBe("UPDATED_FIXED")
  })

  it("simulates a bank login error and refuses connections without a saved PIN", async () => {
    await mock({ mockBankConnectionUpdates: [{ bankConnectionId: connectionId, bankingInterface: "XS2A", simulateBankLoginError: true }] })
    await new Promise((resolve) => setTimeout(resolve, 10))
    const connection = (await s.call("GET", `/api/v2/bankConnections/${connectionId}`, { token })).body
    expect(connection.interfaces[0]).toMatchObject({ userActionRequired: true, lastAutoUpdate: { result: "BANK_SERVER_REJECTION" } })
    const noPin = s.sandbox.control.importBankConnection({ userId: "shop-1", pinSaved: false, bankId: 280002 })
    await new Promise((resolve) => setTimeout(resolve, 10))
    const refused = await mock({ mockBankConnectionUpdates: [{ bankConnectionId: noPin.id, bankingInterface: "XS2A" }] })
    expect([refused.status, refused.body.errors[0].code]).toEqual([422, "ILLEGAL_ENTITY_STATE"])
  })

  it("sends NEW_TRANSACTIONS notifications to the client's callback URL when asked", async () => {
    const received: unknown[] = []
    const server: Server = createServer((req, res) => {
      let body = ""
      req.on("data", (c) => (body += c))
      req.on("end", () => void (received.push(JSON.parse(body)), res.end()))
    })
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    const url = `http://localhost:${(server.address() as AddressInfo).port}/finapi/notifications`
    await s.call("PATCH", "/api/v2/clientConfiguration", { token: await s.clientToken(), json: { userNotificationCallbackUrl: url } })
    await s.call("POST", "/api/v2/notificationRules", { token, json: { triggerEvent: "NEW_TRANSACTIONS", callbackHandle: "shop-1:rule" } })
    const balance = await balanceOf(giro)
    await mock({ triggerNotifications: true, mockBankConnectionUpdates: [{ bankConnectionId: connectionId, bankingInterface: "XS2A", mockAccountsData: [{ accountId: giro, accountBalance: balance + 1, newTransactions: [{ amount: 1 }] }] }] })
    await s.sandbox.control.callbacksSettled()
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
    expect(NewTransactionsNotificationSchema.parse(received[0])).toMatchObject({ callbackHandle: "shop-1:rule", newTransactions: [{ accountId: giro, newTransactionsCount: 1 }] })
  })
})
