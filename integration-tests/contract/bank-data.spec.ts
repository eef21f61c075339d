import { describeLocal, newUserCredentials, observedClient, startTarget, type ContractTarget } from "./support/contract-target"
import { decimal, sumOf } from "../../src/lib/money"
import { collect } from "./support/collect"
import { useConnectedUser, waitUntilReady } from "./support/local-scenarios"

describeLocal("finAPI client: bank connections, accounts, transactions (local sandbox)", () => {
  const fx = useConnectedUser()

  it("lists and reads bank connections with consent expiry, userActionRequired and update status", async () => {
    const [listed] = await fx.observed.client.listBankConnections(fx.user)
    expect(listed.id).toBe(fx.connection.id)
    const read = await fx.observed.client.getBankConnection(fx.user, fx.connection.id)
    expect(read.updateStatus).toBe("READY")
    const xs2a = read.interfaces.find((i) => i.bankingInterface === "XS2A")
    expect(xs2a?.aisConsent?.status).toBe("PRESENT")
    expect(Date.parse(xs2a?.aisConsent?.expiresAt as string)).toBeGreaterThan(Date.now())
    expect(xs2a?.userActionRequired).toBe(false)
    expect(await fx.observed.client.listBankConnections(fx.user, [fx.connection.id + 999])).toEqual([])
  })

  it("lists accounts of the connection with balances as decimal strings", async () => {
    const accounts = await fx.observed.client.listAccounts(fx.user, { bankConnectionIds: [fx.connection.id] })
    expect(accounts.map((a) => a.id).sort()).toEqual([...fx.connection.accountIds].sort())
    for (const account of accounts) {
      expect(account.balance).toMatch(/^-?\d+\.\d{2,}$/)
      expect(account.accountType).toBe("Checking")
    }
    const one = await fx.observed.client.getAccount(fx.user, accounts[0].id)
    expect(one.balance).toBe(accounts[0].balance)
  })

  it("reads a transaction page with finAPI's paging envelope and decimal-string amounts", async () => {
    const page = await fx.observed.client.listTransactions(fx.user, { view: "bankView", perPage: 5 })
    expect(page.paging).toMatchObject({ page: 1, perPage: 5 })
    expect(page.paging.totalCount).toBeGreaterThan(5)
    expect(page.transactions).toHaveLength(5)
    for (const t of page.transactions) {
      expect(t.amount).toMatch(/^-?\d+\.\d{2,}$/)
    }
    expect(page.balance).toMatch(/^-?\d+\.\d{2}$/)
  })

  it("iterates every page exactly once, in id order", async () => {
    const all = await collect(fx.observed.client.iterateTransactions(fx.user, { view: "bankView", perPage: 4 }))
    const { paging } = await fx.observed.client.listTransactions(fx.user, { view: "bankView", perPage: 4 })
    expect(all).toHaveLength(paging.totalCount)
    const ids = all.map((t) => t.id)
    expect(ids).toEqual([...ids].sort((a, b) => a - b))
    expect(new Set(ids).size).toBe(ids.length)
  })

  it("applies account, booking-date, import-date, direction and adjusting-entry filters like finAPI", async () => {
    const all = await collect(fx.observed.client.iterateTransactions(fx.user, { view: "bankView" }))
    const accountId = fx.connection.accountIds[0]
    const dates = all.map((t) => t.bankBookingDate).sort()
    const from = dates[Math.floor(dates.length / 3)]
    const to = dates[Math.floor((dates.length * 2) / 3)]
    const importDay = all[0].importDate.slice(0, 10)
    const filtered = await collect(
      fx.observed.client.iterateTransactions(fx.user, {
        view: "bankView",
        accountIds: [accountId],
        minBankBookingDate: from,
        maxBankBookingDate: to,
        minImportDate: importDay,
        maxImportDate: importDay,
        direction: "income",
        isAdjustingEntry: false,
      })
    )
    const expected = all.filter(
      (t) =>
        t.accountId === accountId &&
        t.bankBookingDate >= from &&
        t.bankBookingDate <= to &&
        t.importDate.startsWith(importDay) &&
        !t.amount.startsWith("-") &&
        !t.isAdjustingEntry
    )
    expect(filtered.map((t) => t.id)).toEqual(expected.map((t) => t.id))
    expect(filtered.length).toBeGreaterThan(0)
  })

  it("orders transactions by amount descending when asked", async () => {
    const page = await fx.observed.client.listTransactions(fx.user, { view: "bankView", order: ["amount,desc"], perPage: 20 })
    const amounts = page.transactions.map((t) => t.amount)
    expect(amounts).toEqual([...amounts].sort((a, b) => decimal(b).comparedTo(a) ?? 0))
  })

  it("imports mockBatchUpdate transactions with exact decimal amounts and an adjusting entry for a balance gap", async () => {
    const accountId = fx.connection.accountIds[0]
    const before = await fx.observed.client.getAccount(fx.user, accountId)
    const today = new Date().toISOString().slice(0, 10)
    const amounts = [0.1, 0.2, -1234567.89, 100, 19.99]
    await fx.observed.client.mockBatchUpdate(fx.user, {
      mockBankConnectionUpdates: [
        {
          bankConnectionId: fx.connection.id,
          bankingInterface: "XS2A",
          mockAccountsData: [
            {
              accountId,
              // One euro more than the new rows explain, so finAPI inserts an adjusting entry.
              accountBalance: sumOf([before.balance, ...amounts, 1]).toNumber(),
              newTransactions: amounts.map((amount, i) => ({ amount, purpose: `contract mock ${i}`, bookingDate: today, valueDate: today })),
            },
          ],
        },
      ],
    })
    await waitUntilReady(fx.observed.client, fx.user, fx.connection.id)
    const mocked = await collect(fx.observed.client.iterateTransactions(fx.user, { view: "bankView", search: "contract mock" }))
    expect(mocked.map((t) => t.amount).sort()).toEqual(["-1234567.89", "0.10", "0.20", "100.00", "19.99"].sort())
    const adjusting = await collect(fx.observed.client.iterateTransactions(fx.user, { view: "bankView", accountIds: [accountId], isAdjustingEntry: true }))
    expect(adjusting.map((t) => t.amount)).toContain("1.00")
  })

  it("creates, lists and deletes notification rules", async () => {
    const rule = await fx.observed.client.createNotificationRule(fx.user, {
      triggerEvent: "NEW_TRANSACTIONS",
      params: { accountIds: String(fx.connection.accountIds[0]) },
      callbackHandle: "iface-1:handle-abc",
      includeDetails: false,
    })
    expect(rule).toMatchObject({ triggerEvent: "NEW_TRANSACTIONS", callbackHandle: "iface-1:handle-abc" })
    expect((await fx.observed.client.listNotificationRules(fx.user)).map((r) => r.id)).toContain(rule.id)
    await fx.observed.client.deleteNotificationRule(fx.user, rule.id)
    expect((await fx.observed.client.listNotificationRules(fx.user)).map((r) => r.id)).not.toContain(rule.id)
  })

  it("deletes a bank connection; reading it afterwards is a not-found error", async () => {
    await fx.observed.client.deleteBankConnection(fx.user, fx.connection.id)
    await expect(fx.observed.client.getBankConnection(fx.user, fx.connection.id)).rejects.toMatchObject({
      kind: "not-found",
      code: "UNKNOWN_ENTITY",
    })
  })
})

// These work against finAPI's real sandbox too: a fresh user has no data, but the envelopes are real.
describe("finAPI client: empty user", () => {
  let target: ContractTarget
  beforeAll(async () => {
    target = await startTarget()
  })
  afterAll(() => target.close())

  it("reads empty lists and a single empty transaction page for a new user", async () => {
    const { client } = observedClient(target)
    const user = newUserCredentials()
    await client.createUser({ id: user.userId, password: user.password })
    expect(await client.listBankConnections(user)).toEqual([])
    expect(await client.listAccounts(user)).toEqual([])
    const pages = await collect(client.iterateTransactionPages(user, { view: "userView" }))
    expect(pages).toHaveLength(1)
    expect(pages[0].paging.totalCount).toBe(0)
    expect(await client.listNotificationRules(user)).toEqual([])
  })
})
