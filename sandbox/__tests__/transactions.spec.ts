import { AccessErrorSchema, AccountListSchema, BankConnectionSchema, PageableTransactionListSchema, TransactionSchema } from "../../src/modules/bank-reconciliation/finapi/schemas"
import { openSession, type Session } from "./sandbox-session"

describe("sandbox transactions of an imported test-bank connection", () => {
  let s: Session
  let token: string
  let giro: number
  let user: Awaited<ReturnType<Session["createUser"]>>
  beforeEach(async () => {
    s = await openSession()
    user = await s.createUser()
    token = user.token
    const connection = s.sandbox.control.importBankConnection({ userId: user.id, blz: "DEMO0001" })
    giro = connection.accountIds[0]
  })
  afterEach(() => s.sandbox.close())

  const list = (query: string) => s.call("GET", `/api/v2/transactions?${query}`, { token })

  it("lists the connection with two checking accounts and one savings account, schema-valid", async () => {
    const connections = await s.call("GET", "/api/v2/bankConnections", { token })
    const connection = BankConnectionSchema.parse(connections.body.connections[0])
    expect(connection.bank).toMatchObject({ blz: "DEMO0001", name: "finAPI Test Bank", isTestBank: true })
    expect(connection.interfaces[0].aisConsent).toMatchObject({ status: "PRESENT" })
    // 180 days after the import (10:00 CET), shown in summer time.
    expect(connection.interfaces[0].aisConsent?.expiresAt).toMatch(/^2027-05-19T11:00:\d{2}\.\d{3}\+02:00$/)
    const accounts = AccountListSchema.parse((await s.call("GET", "/api/v2/accounts", { token })).body).accounts
    expect(accounts.map((a) => [a.accountName, a.accountType])).toEqual([
      ["Girokonto", "Checking"],
      ["Geschäftskonto", "Checking"],
      ["Tagesgeld", "Savings"],
    ])
    expect(accounts[0].iban).toMatch(/^DE\d{20}$/)
  })

  it("requires view (400 BAD_REQUEST) and rejects perPage > 500 (400 ILLEGAL_PAGE_SIZE)", async () => {
    const missingView = await list("accountIds=" + giro)
    const tooLarge = await list("view=bankView&perPage=501")
    expect(missingView.status).toBe(400)
    expect(AccessErrorSchema.parse(missingView.body).errors[0]).toMatchObject({ code: "BAD_REQUEST" })
    expect(missingView.body.endpoint).toBe("GET /api/v2/transactions")
    expect(tooLarge.status).toBe(400)
    expect(tooLarge.body.errors[0].code).toBe("ILLEGAL_PAGE_SIZE")
  })

  it("serves the seeded Girokonto statement with every awkward case once, all schema-valid", async () => {
    const res = await list(`view=bankView&accountIds=${giro}&perPage=500`)
    const page = PageableTransactionListSchema.parse(res.body)
    const rows = page.transactions
    expect(rows).toHaveLength(15)
    expect(rows.filter((t) => t.isAdjustingEntry)).toHaveLength(1)
    expect(rows.filter((t) => t.isPotentialDuplicate)).toHaveLength(1)
    expect(rows.filter((t) => t.amount < 0)).toHaveLength(3)
    expect(rows.filter((t) => t.currency === "USD")).toHaveLength(1)
    expect(rows.some((t) => t.purpose?.startsWith("EREF+") && t.purpose.includes("SVWZ+"))).toBe(true)
    expect(rows.some((t) => t.counterpartName === "JÜRGEN MÜLLER")).toBe(true)
    expect(rows.some((t) => t.amount > 0 && t.counterpartIban === null)).toBe(true)
    expect(rows.some((t) => (t.purpose?.length ?? 0) > 300)).toBe(true)
    const future = rows.find((t) => t.bankBookingDate > t.finapiBookingDate)
    expect(future).toMatchObject({ finapiBookingDate: "2026-11-20", bankBookingDate: "2026-11-23" })
    // Amounts come from integer cents: exactly two decimals, no float artefacts.
    rows.forEach((t) => expect(Math.round(t.amount * 100) / 100).toBe(t.amount))
  })

  it("filters by direction, adjusting entries and booking-date window, and sums over all pages", async () => {
    const income = PageableTransactionListSchema.parse((await list(`view=bankView&accountIds=${giro}&direction=income&isAdjustingEntry=false&perPage=2`)).body)
    expect(income.paging).toEqual({ page: 1, perPage: 2, pageCount: 6, totalCount: 11 })
    expect(income.transactions.every((t) => t.amount >= 0 && !t.isAdjustingEntry)).toBe(true)
    expect(income.income).toBe(3921.51)
    expect(income.spending).toBe(0)
    const spending = (await list(`view=bankView&accountIds=${giro}&direction=spending`)).body
    expect(spending.transactions.map((t: { amount: number }) => t.amount)).toEqual([-1450, -39.95, -9.9])
    const window = (await list(`view=bankView&accountIds=${giro}&minBankBookingDate=2026-11-18&maxBankBookingDate=2026-11-19`)).body
    expect(window.transactions.map((t: { bankBookingDate: string }) => t.bankBookingDate).sort()).toEqual(["2026-11-18", "2026-11-18", "2026-11-19", "2026-11-19"])
  })

  it("filters by import date, the incremental cursor", async () => {
    s.sandbox.control.advanceClock(2 * 86_400_000)
    s.sandbox.control.addTransactions(giro, [{ amount: 19.99, purpose: "Bestellung 2001", counterpartName: "Neue Kundin" }])
    const form = { grant_type: "password", username: user.id, password: user.password, client_id: "sandbox-client", client_secret: "sandbox-secret" }
    token = (await s.call("POST", "/api/v2/oauth/token", { form })).body.access_token
    const fresh = (await list(`view=bankView&minImportDate=2026-11-22`)).body
    expect(fresh.transactions.map((t: { purpose: string }) => t.purpose)).toEqual(["Bestellung 2001"])
    expect(fresh.transactions[0].importDate).toMatch(/^2026-11-22T10:00:\d{2}\.\d{3}\+01:00$/)
  })

  it("accepts accountIds comma-separated and repeated, and orders by amount descending", async () => {
    const accounts = (await s.call("GET", "/api/v2/accounts", { token })).body.accounts.map((a: { id: number }) => a.id)
    const comma = (await list(`view=userView&accountIds=${accounts[1]},${accounts[2]}`)).body
    const repeated = (await list(`view=userView&accountIds=${accounts[1]}&accountIds=${accounts[2]}`)).body
    expect(comma.paging.totalCount).toBe(6)
    expect(repeated.paging.totalCount).toBe(6)
    const ordered = (await list(`view=bankView&accountIds=${giro}&order=amount,desc&perPage=3`)).body
    expect(ordered.transactions.map((t: { amount: number }) => t.amount)).toEqual([1563.1, 1200, 314.15])
  })

  it("searches purpose and counterpart case-insensitively with AND-ed terms", async () => {
    const hits = (await list(`view=bankView&search=${encodeURIComponent("bestellung 1008")}`)).body
    expect(hits.transactions).toHaveLength(1)
    const byCounterpart = (await list(`view=bankView&counterpart=schäfer`)).body
    expect(byCounterpart.transactions[0].counterpartName).toBe("Anna Schäfer")
  })

  it("reads one transaction, 404 UNKNOWN_ENTITY for unknown ids, and marks rows as not new", async () => {
    const first = (await list(`view=bankView&accountIds=${giro}&perPage=1`)).body.transactions[0]
    expect(TransactionSchema.parse((await s.call("GET", `/api/v2/transactions/${first.id}`, { token })).body).id).toBe(first.id)
    const missing = await s.call("GET", "/api/v2/transactions/1", { token })
    expect(missing.status).toBe(404)
    expect(missing.body.errors[0].code).toBe("UNKNOWN_ENTITY")
    await s.call("PATCH", "/api/v2/transactions", { token, json: { ids: [first.id], isNew: false } })
    expect((await list(`view=bankView&isNew=false`)).body.transactions.map((t: { id: number }) => t.id)).toEqual([first.id])
  })

  // speed is measured by benchmarks, not asserted here (a loaded CI machine must not fail it)
  it("pages through 100 000 generated transactions consistently", async () => {
    const generated = s.sandbox.control.generateTransactions(giro, { count: 100_000 })
    expect(generated.count).toBe(100_000)
    const first = PageableTransactionListSchema.parse((await list(`view=bankView&accountIds=${giro}&perPage=500`)).body)
    expect(first.paging).toMatchObject({ totalCount: 100_015, pageCount: 201 })
    const last = (await list(`view=bankView&accountIds=${giro}&perPage=500&page=201`)).body
    expect(last.transactions).toHaveLength(15)
    expect(last.transactions.at(-1).id).toBe(generated.lastId)
    const again = (await list(`view=bankView&accountIds=${giro}&perPage=500&page=200`)).body
    expect(again.transactions[0]).toEqual((await list(`view=bankView&accountIds=${giro}&perPage=500&page=200`)).body.transactions[0])
    const incomeOnly = (await list(`view=bankView&accountIds=${giro}&direction=income&perPage=500&page=7`)).body
    expect(incomeOnly.transactions.every((t: { amount: number }) => t.amount >= 0)).toBe(true)
  })

  it("generates the same rows from the same seed", async () => {
    const other = await openSession()
    const user = await other.createUser()
    const account = other.sandbox.control.importBankConnection({ userId: user.id }).accountIds[0]
    other.sandbox.control.generateTransactions(account, { count: 50 })
    s.sandbox.control.generateTransactions(giro, { count: 50 })
    const mine = (await list(`view=bankView&accountIds=${giro}&perPage=500`)).body.transactions
    const theirs = (await other.call("GET", `/api/v2/transactions?view=bankView&accountIds=${account}&perPage=500`, { token: user.token })).body.transactions
    await other.sandbox.close()
    const strip = (rows: Array<Record<string, unknown>>) => rows.map(({ importDate: _i, ...rest }) => rest)
    expect(strip(theirs)).toEqual(strip(mine))
  })
})
