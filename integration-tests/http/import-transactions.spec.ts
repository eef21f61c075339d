import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { WorkflowManager } from "@medusajs/framework/orchestration"
import { createAdminUser } from "../__fixtures__/admin-user"
import { useFinapiSandbox } from "../__fixtures__/finapi-sandbox"
import { linkTestBankThroughAdmin } from "../__fixtures__/linked-test-bank"
import { unscheduleJob } from "../__fixtures__/scheduled-jobs"
import { FinapiClient } from "../../src/modules/bank-reconciliation/finapi"
import { BANK_RECONCILIATION_MODULE } from "../../src/modules/bank-reconciliation"
import type BankReconciliationModuleService from "../../src/modules/bank-reconciliation/service"
import { importBankTransactionsWorkflow } from "../../src/workflows/import/import-bank-transactions"
import { runScheduledBankImportWorkflow } from "../../src/workflows/import/run-scheduled-bank-import"
import importBankTransactionsJob, { config as jobConfig } from "../../src/jobs/import-bank-transactions"
import importNotifiedAccountsJob, { config as notifiedJobConfig } from "../../src/jobs/import-notified-accounts"

jest.setTimeout(180_000)

const sandbox = useFinapiSandbox()
const BASE = "/admin/bank-reconciliation"
const PASSWORD = "Operator-Chosen-Pw-4711"

type Row = { id: string; finapi_transaction_id: string; is_potential_duplicate: boolean; duplicate_of_id: string | null; currency_code: string; amount: number; purpose: string | null }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>

    beforeAll(async () => {
      // the minute tick would otherwise import the accounts of whichever test runs at that moment
      await unscheduleJob(jobConfig.name)
      await unscheduleJob(notifiedJobConfig.name)
    })

    beforeEach(async () => {
      headers = (await createAdminUser(getContainer())).headers
    })

    const post = (path: string, body: unknown = {}) => api.post(`${BASE}${path}`, body, { headers }).catch((e) => e.response)
    const get = (path: string) => api.get(`${BASE}${path}`, { headers }).catch((e) => e.response)
    const service = () => getContainer().resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)

    const linkedBank = () => linkTestBankThroughAdmin(api, headers, sandbox.current, PASSWORD)

    /** The finAPI ids the import must end up with: the sandbox's incoming, non-zero, non-adjusting rows. */
    async function expectedIncomingIds(user: { userId: string; password: string }, finapiAccountId: string) {
      const client = new FinapiClient({ accessBaseUrl: sandbox.current.url, webFormBaseUrl: sandbox.current.url, clientId: "sandbox-client", clientSecret: "sandbox-secret" })
      const ids: string[] = []
      for await (const t of client.iterateTransactions(user, { view: "bankView", accountIds: [Number(finapiAccountId)] })) {
        if (!t.isAdjustingEntry && !t.amount.startsWith("-") && Number(t.amount) !== 0) {
          ids.push(String(t.id))
        }
      }
      return ids.sort()
    }

    async function storedRows(accountId: string): Promise<Row[]> {
      return (await service().listBankTransactions({ account_id: accountId }, { take: null })) as unknown as Row[]
    }

    const finapiIds = (rows: Row[]) => rows.map((r) => r.finapi_transaction_id).sort()

    it("imports only incoming, booked, non-adjusting payments; flags finAPI's duplicate and holds it back", async () => {
      const { giro, user } = await linkedBank()
      const res = await post("/transactions/import", { account_id: giro.id })
      expect(res.status).toBe(200)
      const expected = await expectedIncomingIds(user, giro.finapi_account_id)
      expect(expected.length).toBeGreaterThanOrEqual(11)
      expect(res.data.sync_run).toMatchObject({
        trigger: "operator",
        status: "succeeded",
        account_id: giro.id,
        imported_count: expected.length,
        duplicate_count: 0,
        filtered_count: 1, // outgoing payments are never asked for; the adjusting entry is read and left out
      })
      expect(res.data.sync_run.duration_ms).toBeGreaterThanOrEqual(0)

      const rows = await storedRows(giro.id)
      expect(finapiIds(rows)).toEqual(expected)
      expect(rows.every((r) => Number(r.amount) > 0)).toBe(true)
      expect(rows.some((r) => r.purpose === "Zwischensaldo")).toBe(false)
      expect(rows.find((r) => r.purpose === "INVOICE 1006 WIRE TRANSFER")?.currency_code).toBe("usd")
      const held = rows.filter((r) => r.is_potential_duplicate)
      expect(held).toHaveLength(1)
      const original = rows.find((r) => r.id === held[0].duplicate_of_id)
      expect(original).toMatchObject({ purpose: held[0].purpose, is_potential_duplicate: false })

      const list = await get(`/transactions?account_id=${giro.id}&limit=5`)
      expect(list.data).toMatchObject({ count: expected.length, limit: 5, offset: 0 })
      expect(list.data.transactions[0]).toMatchObject({ account: { name: "Girokonto" }, status: "unassigned" })
      expect(list.data.transactions[0]).not.toHaveProperty("raw")
      expect((await get(`/transactions?potential_duplicate=true`)).data.count).toBe(1)
      expect((await get(`/transactions?q=wire%20transfer`)).data.transactions).toHaveLength(1)
      expect((await get(`/transactions?amount_min=1000&amount_max=1563.10`)).data.transactions.map((t: Row) => t.amount)).toEqual([1200, 1563.1])
      expect((await get(`/transactions?booking_date_from=2020-13-01`)).status).toBe(400)
    })

    it("imports nothing new when the same window or the same account is imported again", async () => {
      const { giro } = await linkedBank()
      const window = { account_id: giro.id, booking_date_from: "2000-01-01", booking_date_to: "2100-12-31" }
      const first = (await post("/transactions/import", window)).data.sync_run
      expect(first.imported_count).toBeGreaterThanOrEqual(11)
      const again = (await post("/transactions/import", window)).data.sync_run
      expect(again).toMatchObject({ imported_count: 0, duplicate_count: first.imported_count, status: "succeeded" })
      const incremental = (await post("/transactions/import", { account_id: giro.id })).data.sync_run
      expect(incremental.imported_count).toBe(0)
      expect(await storedRows(giro.id)).toHaveLength(first.imported_count)

      const runs = await get("/sync-runs?limit=2")
      expect(runs.data.count).toBe(3)
      expect(runs.data.sync_runs.map((r: { id: string }) => r.id)).toEqual([incremental.id, again.id])
      expect(runs.data.sync_runs[1]).toMatchObject({ window_from: expect.stringMatching(/^2000-01-01/) })
    })

    it("imports each transaction once when two imports start at the same moment", async () => {
      const { giro, user } = await linkedBank()
      sandbox.current.control.generateTransactions(Number(giro.finapi_account_id), { count: 600, days: 30 })

      const [a, b] = await Promise.all([post("/transactions/import", { account_id: giro.id }), post("/transactions/import", { account_id: giro.id })])
      const expected = await expectedIncomingIds(user, giro.finapi_account_id)
      expect(a.data.sync_run.imported_count + b.data.sync_run.imported_count).toBe(expected.length)
      const busy = [a, b].map((r) => r.data.sync_run.skipped).flat().filter((s: { reason: string }) => s.reason === "busy")
      expect(busy).toHaveLength(1)
      expect(finapiIds(await storedRows(giro.id))).toEqual(expected)

      // without the lock, the database alone keeps a row from being stored twice
      const rows = [{ ...insertRow(giro.id, "race-1") }, { ...insertRow(giro.id, "race-2") }]
      const [x, y] = await Promise.all([service().insertImportedTransactions(rows), service().insertImportedTransactions(rows.map((r) => ({ ...r, id: `${r.id}-b` })))])
      expect(x.length + y.length).toBe(2)
    })

    it("ends with exactly the sandbox's incoming transactions after 429, 500, 423, an expired token and a dropped connection on page 37 of 200", async () => {
      const { giro, user } = await linkedBank()
      sandbox.current.control.generateTransactions(Number(giro.finapi_account_id), { count: 4_000, days: 60, incomingShare: 1 })
      const pages = Math.ceil((await expectedIncomingIds(user, giro.finapi_account_id)).length / 20)
      expect(pages).toBeGreaterThanOrEqual(200)

      const control = sandbox.current.control
      const path = "/api/v2/transactions"
      // latency faults of 0 ms let calls through untouched and count them, so the others land on the right page
      const passThrough = (count: number) => control.injectFault({ kind: "latency", latencyMs: 0, count, path })
      passThrough(3)
      control.injectFault({ kind: "rate_limit", retryAfterSeconds: 1, path }) // page 4, retried after Retry-After
      passThrough(5)
      control.injectFault({ kind: "server_error", path }) // page 9
      passThrough(5)
      control.injectFault({ kind: "locked", path }) // page 14
      passThrough(5)
      control.injectFault({ kind: "expired_token", path }) // page 19: token refreshed, page read again
      passThrough(18)
      control.injectFault({ kind: "drop", count: 4, path }) // page 37: every attempt loses the connection

      const run = (await importBankTransactionsWorkflow(getContainer()).run({
        input: { trigger: "operator", account_ids: [giro.id], page_size: 20 },
      })).result
      expect(run.status).toBe("failed")
      expect(run.errors[0].message).toMatch(/not reachable/)
      const afterFailure = await storedRows(giro.id)
      expect(afterFailure.length).toBeGreaterThan(0)
      expect(afterFailure.length).toBeLessThan(pages * 20)
      expect(control.faults()).toHaveLength(0)

      const retry = (await importBankTransactionsWorkflow(getContainer()).run({
        input: { trigger: "job", account_ids: [giro.id], page_size: 20 },
      })).result
      expect(retry.status).toBe("succeeded")
      const expected = await expectedIncomingIds(user, giro.finapi_account_id)
      expect(retry.counts.imported + afterFailure.length).toBe(expected.length)
      const rows = await storedRows(giro.id)
      expect(rows).toHaveLength(expected.length)
      expect(finapiIds(rows)).toEqual(expected)

      // the cursor now lets the next run stop after the first page that brings nothing new
      const third = (await importBankTransactionsWorkflow(getContainer()).run({
        input: { trigger: "job", account_ids: [giro.id], page_size: 20 },
      })).result
      expect(third.counts).toMatchObject({ imported: 0, fetched: 20 })
    })

    it("runs the job every minute but imports on the configured cron, never twice at once", async () => {
      const { connection } = await linkedBank()
      expect(jobConfig.schedule).toEqual({ cron: "* * * * *", concurrency: "forbid" })
      expect(WorkflowManager.getWorkflow(`job-${jobConfig.name}`)?.options?.schedule).toMatchObject({ concurrency: "forbid" })

      // two ticks at the same moment, at the cron's occurrence
      const occurrence = new Date()
      occurrence.setMinutes(0, 0, 500)
      const tickAt = (now: Date) => runScheduledBankImportWorkflow(getContainer()).run({ input: { now: now.toISOString() } })
      await Promise.all([tickAt(occurrence), tickAt(occurrence)])
      const runs = (await get("/sync-runs")).data.sync_runs
      expect(runs).toHaveLength(2)
      expect(runs.every((r: { trigger: string }) => r.trigger === "job")).toBe(true)
      const imported = runs.reduce((sum: number, r: { imported_count: number }) => sum + r.imported_count, 0)
      const stored = await service().listBankTransactions({}, { take: null })
      expect(stored).toHaveLength(imported)
      expect(new Set(stored.map((t) => `${t.account_id}:${t.finapi_transaction_id}`)).size).toBe(imported)

      // the default cron is hourly: a tick a second after the last scheduled run does nothing, and the job handler ticks
      const lastStart = Math.max(...runs.map((r: { started_at: string }) => Date.parse(r.started_at)))
      const tick = await tickAt(new Date(lastStart + 1_000))
      expect(tick.result).toMatchObject({ due: false, import: null })
      await importBankTransactionsJob(getContainer())
      const crossedAnHour = new Date(lastStart).getHours() !== new Date().getHours()
      expect((await get("/sync-runs")).data.count).toBe(crossedAnHour ? 3 : 2)

      // a connection that needs the user is skipped, and the run says so
      sandbox.current.control.setConsent(Number(connection.finapi_bank_connection_id), { expired: true })
      await service().updateBankConnections({ id: connection.id, status: "consent_expired" })
      const skipped = (await post("/transactions/import", {})).data.sync_run
      expect(skipped.status).toBe("skipped")
      expect(skipped.skipped).toEqual(expect.arrayContaining([expect.objectContaining({ reason: "needs_user_action" })]))
    })

    it("registers a NEW_TRANSACTIONS rule; finAPI's push is recorded and imported once by the worker however often it is replayed; a wrong handle starts nothing", async () => {
      const { giro, connection, user } = await linkedBank()
      await post("/transactions/import", { account_id: giro.id })
      const account = await service().retrieveBankAccount(giro.id)
      expect(account.finapi_notification_rule_id).toBeTruthy()
      expect(account.notification_handle_hash).toMatch(/^[0-9a-f]{64}$/)

      const control = sandbox.current.control
      control.settings({ userNotificationCallbackUrl: "http://127.0.0.1:9/hooks/finapi/notifications" })
      const client = new FinapiClient({ accessBaseUrl: sandbox.current.url, webFormBaseUrl: sandbox.current.url, clientId: "sandbox-client", clientSecret: "sandbox-secret" })
      const balance = Number((await client.getAccount(user, Number(giro.finapi_account_id))).balance)
      await client.mockBatchUpdate(user, {
        triggerNotifications: true,
        mockBankConnectionUpdates: [{
          bankConnectionId: Number(connection.finapi_bank_connection_id),
          bankingInterface: "XS2A",
          mockAccountsData: [{ accountId: Number(giro.finapi_account_id), accountBalance: Number((balance + 77.7).toFixed(2)), newTransactions: [{ amount: 77.7, purpose: "Bestellung 4242", counterpart: "Erika Muster", counterpartIban: "DE89370400440532013000" }] }],
        }],
      })
      await control.callbacksSettled()
      const delivery = control.callbacks().find((c) => (c.body as { triggerEvent?: string }).triggerEvent === "NEW_TRANSACTIONS")!
      const handle = (delivery.body as { callbackHandle: string }).callbackHandle
      expect(handle.startsWith(`${giro.id}.`)).toBe(true)

      const runsBefore = (await get("/sync-runs")).data.count
      for (const wrong of [`${giro.id}.${"A".repeat(43)}`, "nothing", `${handle}x`]) {
        expect((await api.post(`/hooks/finapi/notifications/${encodeURIComponent(wrong)}`, delivery.body).catch((e) => e.response)).status).toBe(404)
      }
      expect((await api.post("/hooks/finapi/notifications", { ...(delivery.body as object), callbackHandle: "forged" }).catch((e) => e.response)).status).toBe(404)
      expect((await get("/sync-runs")).data.count).toBe(runsBefore)

      // the callback only records the notification; replays change nothing
      for (let i = 0; i < 15; i++) {
        const pushed = await api.post(new URL(delivery.url).pathname, delivery.body)
        expect(pushed.status).toBe(200)
      }
      expect((await api.post(`/hooks/finapi/notifications/${encodeURIComponent(handle)}`, {})).status).toBe(200)
      expect((await get("/sync-runs")).data.count).toBe(runsBefore)
      expect((await get("/transactions?q=Bestellung%204242")).data.count).toBe(0)

      // the worker's job imports the account once for all of them, and a second tick finds nothing to do
      await importNotifiedAccountsJob(getContainer())
      await importNotifiedAccountsJob(getContainer())
      const runs = (await get("/sync-runs?limit=50")).data.sync_runs.filter((r: { trigger: string }) => r.trigger === "webhook")
      expect(runs).toHaveLength(1)
      expect(runs[0]).toMatchObject({ account_id: giro.id, imported_count: 1 })
      expect((await get("/transactions?q=Bestellung%204242")).data.count).toBe(1)

      // a replay after the import queues one more (empty) import, never a second copy of the payment
      await api.post(new URL(delivery.url).pathname, delivery.body)
      await importNotifiedAccountsJob(getContainer())
      expect((await get("/transactions?q=Bestellung%204242")).data.count).toBe(1)
    })
  },
})

function insertRow(accountId: string, finapiId: string) {
  return {
    id: `btx_test_${finapiId}`,
    account_id: accountId,
    finapi_transaction_id: finapiId,
    amount: "10.00",
    currency_code: "eur",
    booking_date: "2026-11-20T00:00:00.000Z",
    value_date: null,
    import_date: null,
    purpose: "race",
    counterpart_name: null,
    counterpart_iban: null,
    counterpart_bic: null,
    end_to_end_reference: null,
    mandate_reference: null,
    creditor_id: null,
    fingerprint: `fp-${finapiId}`,
    is_potential_duplicate: false,
    duplicate_of_id: null,
    sync_run_id: "bsync_test",
    raw: null,
  }
}
