import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import fc from "fast-check"
import { createAdminUser } from "../__fixtures__/admin-user"
import { createStoreCustomer } from "../__fixtures__/customer"
import { useFinapiSandbox } from "../__fixtures__/finapi-sandbox"
import { linkTestBankThroughAdmin } from "../__fixtures__/linked-test-bank"
import { unscheduleJob } from "../__fixtures__/scheduled-jobs"
import { config as importJobConfig } from "../../src/jobs/import-bank-transactions"

jest.setTimeout(300_000)

/**
 * Every plugin route (admin, store, hooks) gets hand-picked bad input (NUL, control characters,
 * impossible dates, too many decimals) and fast-check bodies, queries and path parameters. None may
 * answer 5xx or show a stack trace, and a refused request (4xx) must leave the plugin's tables as they
 * were.
 */
const sandbox = useFinapiSandbox()
const PASSWORD = "Operator-Chosen-Pw-4711"
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS_PER_ROUTE ?? 20)
const TABLES = ["bank_interface", "bank_connection", "bank_account", "bank_transaction", "payment_assignment", "sync_run"]

type Ids = Record<"interface" | "connection" | "account" | "transaction" | "assignment" | "order" | "cart", string>
type Route = {
  method: "get" | "post" | "delete"
  path: string // ":interface" etc. are replaced by an id or fuzz
  query?: string[]
  body?: string[]
  as?: "admin" | "store" | "customer" | "hook"
}

const A = "/admin/bank-reconciliation"
const LIST = ["limit", "offset", "fields", "order"]
const ROUTES: Route[] = [
  { method: "get", path: `${A}/interfaces`, query: LIST },
  { method: "post", path: `${A}/interfaces`, body: ["name", "description"] },
  { method: "get", path: `${A}/interfaces/:interface` },
  { method: "post", path: `${A}/interfaces/:interface`, body: ["name", "description"] },
  { method: "delete", path: `${A}/interfaces/:interface` },
  { method: "post", path: `${A}/interfaces/:interface/connect`, body: ["password"] },
  { method: "post", path: `${A}/interfaces/:interface/web-forms`, body: ["label"] },
  { method: "get", path: `${A}/interfaces/:interface/log`, query: LIST },
  { method: "get", path: `${A}/interfaces/:interface/bank-connections` },
  { method: "post", path: `${A}/interfaces/:interface/bank-connections/refresh` },
  { method: "get", path: `${A}/bank-connections/:connection` },
  { method: "delete", path: `${A}/bank-connections/:connection` },
  { method: "post", path: `${A}/bank-connections/:connection/refresh` },
  { method: "post", path: `${A}/bank-connections/:connection/renew` },
  { method: "get", path: `${A}/accounts`, query: [...LIST, "interface_id", "connection_id"] },
  { method: "post", path: `${A}/accounts/:account`, body: ["import_enabled"] },
  {
    method: "get",
    path: `${A}/transactions`,
    query: [...LIST, "status", "account_id", "booking_date_from", "booking_date_to", "amount_min", "amount_max", "q", "potential_duplicate", "sync_run_id", "processed"],
  },
  { method: "post", path: `${A}/transactions/import`, body: ["account_id", "booking_date_from", "booking_date_to"] },
  { method: "get", path: `${A}/transactions/:transaction/assignments` },
  { method: "post", path: `${A}/transactions/:transaction/assignments`, body: ["assignments"] },
  { method: "post", path: `${A}/transactions/:transaction/ignore`, body: ["reason"] },
  { method: "delete", path: `${A}/transactions/:transaction/ignore` },
  { method: "get", path: `${A}/sync-runs`, query: [...LIST, "account_id", "status"] },
  { method: "post", path: `${A}/auto-assign`, body: ["transaction_ids"] },
  { method: "get", path: `${A}/assignments`, query: [...LIST, "status", "transaction_id", "order_id", "customer_id"] },
  { method: "post", path: `${A}/assignments/:assignment`, body: ["amount", "confirm"] },
  { method: "delete", path: `${A}/assignments/:assignment` },
  { method: "get", path: `${A}/customers/search`, query: ["q", "limit"] },
  { method: "get", path: `${A}/open-orders/search`, query: ["q", "customer_id", "amount", "currency", "limit"] },
  { method: "get", path: `${A}/orders/:order/bank-payments` },
  { method: "get", path: `${A}/bookings`, query: ["group_by", "limit", "offset"] },
  { method: "post", path: `${A}/bookings`, body: ["assignment_ids"] },
  { method: "get", path: `/store/carts/:cart/bank-transfer`, as: "store" },
  { method: "get", path: `/store/orders/:order/bank-transfer`, as: "customer" },
  { method: "post", path: `/hooks/finapi/notifications`, body: ["callbackHandle", "notificationRuleId", "triggerEvent", "newTransactions"], as: "hook" },
  { method: "post", path: `/hooks/finapi/notifications/:handle`, body: ["callbackHandle"], as: "hook" },
  { method: "post", path: `/hooks/finapi/web-forms/:token`, body: ["webFormId", "status"], as: "hook" },
]

/** Values reported to break the plugin, and their neighbours. */
const NASTY = [
  "\u0000", "a\u0000b", "\u0007bell", "line\nbreak", "tab\there", "\u001b[31m", "\u007f", "\u0085",
  "0000-01-01", "2026-02-30", "2026-13-01", "9999-12-31", "1899-12-31", "20261121",
  "10.005", "0.001", "-1", "1e309", "NaN", "Infinity", "0", "00.10", "99999999999999999999999999.99",
  "", " ", "%00", "../../etc/passwd", "' or 1=1 --", "\ud800", "x".repeat(5000), "Ünïcödé 😀",
]
const scalar = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null)
)
const jsonValue = fc.oneof(
  { weight: 4, arbitrary: scalar },
  fc.array(scalar, { maxLength: 3 }),
  fc.array(fc.dictionary(fc.constantFrom("order_id", "amount", "id"), scalar), { maxLength: 2 }),
  fc.dictionary(fc.string({ maxLength: 5 }), scalar, { maxKeys: 2 })
)
const queryValue = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY) },
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.array(fc.constantFrom(...NASTY), { minLength: 1, maxLength: 2 })
)

/** encodeURIComponent without throwing on lone surrogates (they go as U+FFFD, as a browser would). */
function encode(value: string): string {
  return encodeURIComponent(value.replace(/[\ud800-\udfff]/g, "\ufffd"))
}

function queryString(query: Record<string, unknown>): string {
  const parts: string[] = []
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      parts.push(`${encode(key)}${Array.isArray(value) ? "[]" : ""}=${encode(String(item))}`)
    }
  }
  return parts.length ? `?${parts.join("&")}` : ""
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    it("no route answers 5xx, shows a stack trace or writes anything when it refuses the input", async () => {
      await unscheduleJob(importJobConfig.name)
      const admin = (await createAdminUser(getContainer())).headers
      const shopper = await createStoreCustomer(getContainer())
      const { bankInterface, connection, giro } = await linkTestBankThroughAdmin(api, admin, sandbox.current, PASSWORD)
      const imported = await api.post(`${A}/transactions/import`, { account_id: giro.id }, { headers: admin })
      expect(imported.status).toBeLessThan(300)
      const [transaction] = (await api.get(`${A}/transactions?limit=1`, { headers: admin })).data.transactions
      const ids: Ids & { handle: string; token: string } = {
        interface: bankInterface.id,
        connection: connection.id,
        account: giro.id,
        transaction: transaction.id,
        assignment: "pasg_01JZZZZZZZZZZZZZZZZZZZZZZZ",
        order: "order_01JZZZZZZZZZZZZZZZZZZZZZZZ",
        cart: "cart_01JZZZZZZZZZZZZZZZZZZZZZZZ",
        handle: `${giro.id}.not-the-secret`,
        token: `${connection.id}.not-the-secret`,
      }
      const headersFor = (route: Route) =>
        route.as === "store"
          ? { "x-publishable-api-key": shopper.publishableKey }
          : route.as === "customer"
            ? shopper.headers
            : route.as === "hook"
              ? {}
              : admin

      const fingerprint = async () => {
        const sql = TABLES.map((t) => `select '${t}' as t, count(*)::text as n, coalesce(max(updated_at)::text, '') as u from ${t}`).join(" union all ")
        return JSON.stringify((await dbConnection.raw(sql)).rows)
      }

      // the tables as the previous request left them: one query per request
      let last = await fingerprint()
      const failures: string[] = []
      const startedAt = Date.now()
      let cases = 0
      let refused = 0
      const send = async (route: Route, params: Record<string, string>, query: Record<string, unknown>, body: unknown) => {
        const path = route.path.replace(/:(\w+)/g, (_, name: string) => encode(params[name] ?? ids[name as keyof typeof ids]))
        const url = `${path}${queryString(query)}`
        const before = last
        const res = await api
          // sent as JSON text, so a bare number, string or null body reaches the server as such
          .request({
            method: route.method,
            url,
            data: route.method === "get" || body === undefined ? undefined : JSON.stringify(body),
            headers: { ...headersFor(route), "content-type": "application/json" },
            validateStatus: () => true,
          })
          .catch((e) => e.response ?? { status: 0, data: String(e) })
        cases++
        const text = typeof res.data === "string" ? res.data : JSON.stringify(res.data)
        const label = `${route.method.toUpperCase()} ${url.slice(0, 160)} ${JSON.stringify(body)?.slice(0, 160)} → ${res.status} ${text.slice(0, 200)}`
        last = await fingerprint()
        if (res.status >= 500 || res.status === 0) failures.push(label)
        else if (/\n\s+at \S|node_modules|\.ts:\d+/.test(text)) failures.push(`stack trace: ${label}`)
        else if (res.status >= 400) {
          refused++
          if (last !== before) failures.push(`wrote on a refused request: ${label}`)
        }
      }

      // hand-picked: what the review reported
      await send(ROUTES.find((r) => r.path === "/hooks/finapi/notifications")!, {}, {}, { callbackHandle: "\u0000" })
      await send(ROUTES.find((r) => r.path === "/store/carts/:cart/bank-transfer")!, { cart: "\u0000" }, {}, undefined)
      await send(ROUTES.find((r) => r.path === `${A}/transactions/import`)!, {}, {}, { booking_date_from: "0000-01-01" })
      await send(ROUTES.find((r) => r.path === `${A}/transactions`)!, {}, { booking_date_from: "0000-01-01" }, undefined)
      await send(ROUTES.find((r) => r.path === `${A}/interfaces`)!, {}, {}, { name: "Haus\u0000bank" })
      const tooPrecise = await api
        .post(`${A}/transactions/${transaction.id}/assignments`, { assignments: [{ order_id: ids.order, amount: "10.005" }] }, { headers: admin })
        .catch((e) => e.response)
      expect(tooPrecise.status).toBe(400)
      expect(tooPrecise.data.message).toMatch(/assignments\[0\]\.amount: EUR amounts have at most 2 decimals/)

      for (const route of ROUTES) {
        const names = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1])
        // a DELETE with the real id would remove the fixtures the other cases need
        const param = route.method === "delete" ? queryValue.map(String) : fc.oneof(fc.constant(undefined), queryValue.map(String))
        const params = fc.record(Object.fromEntries(names.map((n) => [n, param])) as Record<string, fc.Arbitrary<string | undefined>>)
        const query = fc.dictionary(fc.constantFrom(...(route.query ?? ["x"])), queryValue, { maxKeys: 3 })
        const body = fc.oneof(
          { weight: 5, arbitrary: fc.dictionary(fc.constantFrom(...(route.body ?? ["x"])), jsonValue, { maxKeys: 3 }) },
          jsonValue
        )
        await fc.assert(
          fc.asyncProperty(params, query, body, async (p, q, b) => {
            await send(route, Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) as Record<string, string>, q, b)
            return true
          }),
          { numRuns: RUNS_PER_ROUTE, seed: Number(process.env.FUZZ_SEED ?? 4711) }
        )
      }

      process.stdout.write(
        `input fuzz: ${cases} requests over ${ROUTES.length} routes in ${((Date.now() - startedAt) / 1000).toFixed(1)} s, ${refused} refused, ${failures.length} failures\n`
      )
      expect(failures).toEqual([])
    })

    it("imports a purpose and a name with NUL from finAPI, NUL shown as ␀ and every other character kept", async () => {
      await unscheduleJob(importJobConfig.name)
      const admin = (await createAdminUser(getContainer())).headers
      const { giro } = await linkTestBankThroughAdmin(api, admin, sandbox.current, PASSWORD)
      sandbox.current.control.addTransactions(Number(giro.finapi_account_id), [
        { amount: 42.5, purpose: "Rechnung\u0000INV-7\ttab \u0007", counterpartName: "Erika\u0000Muster" },
      ])
      const imported = await api.post(`${A}/transactions/import`, { account_id: giro.id }, { headers: admin })
      expect(imported.data.sync_run.status).toBe("succeeded")
      const list = (await api.get(`${A}/transactions?account_id=${giro.id}&limit=200`, { headers: admin })).data.transactions
      const row = list.find((t: { amount: number | string }) => Number(t.amount) === 42.5)
      expect(row).toMatchObject({ purpose: "Rechnung\u2400INV-7\ttab \u0007", counterpart_name: "Erika\u2400Muster" })
    })
  },
})
