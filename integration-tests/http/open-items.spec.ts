import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { cancelOrderWorkflow, markPaymentCollectionAsPaid } from "@medusajs/medusa/core-flows"
import { useAdminShop } from "../__fixtures__/admin-shop"
import { createStoreCustomer } from "../__fixtures__/customer"
import { useFinapiSandbox } from "../__fixtures__/finapi-sandbox"
import { loadOpenOrders as loadOpenOrdersThroughGraph } from "../__fixtures__/graph-open-orders"
import { derivePaymentReference } from "../../src/lib/bank-transfer/payment-reference"
import { searchOpenItems, type OpenItemQuery } from "../../src/modules/bank-reconciliation/open-item-search"
import { loadOpenOrders } from "../../src/workflows/matching/open-orders"
import { refreshOpenOrderSearchIn } from "../../src/workflows/matching/open-order-search-text"
import refreshOpenOrderSearchJob from "../../src/jobs/refresh-open-order-search"

jest.setTimeout(300_000)

const sandbox = useFinapiSandbox()

/**
 * Open items come from one SQL statement over Medusa's order tables (open-order-rows.ts). The loader
 * it replaced (query.graph over every order with computed totals) is kept in the fixtures to prove
 * both read the same shop the same way.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const admin = useAdminShop(api, getContainer, sandbox)
    const { get, post, unpaidOrder: order } = admin

    /** A shop with what open items are made of: unpaid, paid, canceled, partly assigned, company, invoice numbers, a learned IBAN. */
    async function shop() {
      const container = getContainer()
      const erika = (await createStoreCustomer(container, { email: "erika@example.com", first_name: "Erika", last_name: "Mustermann" })).customer
      const jonas = (await createStoreCustomer(container, { email: "jonas@example.com", first_name: "Jonas", last_name: "Brenner", company_name: "Brenner Kaffee GmbH" })).customer
      const unpaid = await order(erika, [{ title: "Kaffeemühle", quantity: 1, unit_price: 119 }], { invoice_number: "RE-2026-0042" })
      const several = await order(jonas, [{ title: "Bohnen", quantity: 3, unit_price: 12.45 }, { title: "Filter", quantity: 2, unit_price: 4.99 }])
      const paid = await order(erika, [{ title: "Tasse", quantity: 1, unit_price: 30 }])
      await markPaymentCollectionAsPaid(container).run({ input: { order_id: paid.order.id, payment_collection_id: paid.paymentCollection.id } })
      const canceled = await order(jonas, [{ title: "Kanne", quantity: 1, unit_price: 55 }])
      await cancelOrderWorkflow(container).run({ input: { order_id: canceled.order.id } })
      const partly = await order(jonas, [{ title: "Maschine", quantity: 1, unit_price: 87.5 }])
      // 50 of 87.50 assigned by hand from a payment of Jonas' IBAN: outstanding 37.50, the IBAN learned
      const { giro } = await admin.linkTestBank()
      sandbox.current.control.addTransactions(Number(giro.finapi_account_id), [
        { amount: 50, purpose: "Anzahlung", counterpartName: "J. Brenner", counterpartIban: "DE02 1203 0000 0000 2020 51" },
      ])
      expect((await post("/transactions/import", { account_id: giro.id })).status).toBe(200)
      await post("/auto-assign")
      const [payment] = (await get(`/transactions?account_id=${giro.id}`)).data.transactions
      const assigned = await post(`/transactions/${payment.id}/assignments`, { assignments: [{ order_id: partly.order.id, amount: "50" }] })
      expect(assigned.status).toBe(200)
      const iban = (payment.counterpart_iban as string).replace(/\s+/g, "").toUpperCase()
      return { erika, jonas, iban, payment, unpaid: unpaid.order, several: several.order, paid: paid.order, canceled: canceled.order, partly: partly.order }
    }

    const byOrder = <T extends { orderId: string }>(items: T[]) => [...items].sort((a, b) => a.orderId.localeCompare(b.orderId))

    it("reads the same open items as the query.graph loader, and a fully paid or canceled order is never one", async () => {
      const s = await shop()
      const container = getContainer()
      const fresh = await loadOpenOrders(container)
      const old = await loadOpenOrdersThroughGraph(container)

      expect(byOrder(fresh.items)).toEqual(byOrder(old.items))
      expect(fresh.items.map((i) => i.orderId).sort()).toEqual([s.unpaid.id, s.several.id, s.partly.id].sort())
      const partly = fresh.items.find((i) => i.orderId === s.partly.id)!
      expect(partly).toMatchObject({ total: "87.50", outstanding: "37.50", companyName: "Brenner Kaffee GmbH", knownIbans: [s.iban] })
      expect(fresh.items.find((i) => i.orderId === s.several.id)).toMatchObject({ total: "47.33", outstanding: "47.33" })
      for (const id of Object.keys(fresh.limits)) {
        expect(fresh.limits[id]).toEqual(old.limits[id])
      }

      // by id: every order's limit, open or not, canceled ones left out, as before
      const ids = [s.unpaid.id, s.several.id, s.paid.id, s.canceled.id, s.partly.id]
      const freshById = await loadOpenOrders(container, ids)
      const oldById = await loadOpenOrdersThroughGraph(container, ids)
      expect(byOrder(freshById.items)).toEqual(byOrder(oldById.items))
      expect(freshById.limits).toEqual(oldById.limits)
      expect(freshById.limits[s.paid.id]).toEqual({ pending: "0.00", label: `INV-${s.paid.display_id}` })
      expect(freshById.limits[s.canceled.id]).toBeUndefined()
    })

    it("searches open orders in the database with the same answers as the in-memory search", async () => {
      const s = await shop()
      const old = (await loadOpenOrdersThroughGraph(getContainer())).items
      const queries: Pick<OpenItemQuery, "q" | "amount" | "customer_id">[] = [
        { q: "brenner" },
        { q: "Brenner Kaffee" },
        { q: `#${s.unpaid.display_id}` },
        { q: String(s.paid.display_id) },
        { q: "erika@example" },
        { amount: "37.5" },
        { amount: "87.50" },
        { amount: "30" },
        { customer_id: s.jonas.id },
        { q: "jonas", amount: "47.33" },
      ]
      for (const query of queries) {
        const res = await get(`/open-orders/search?${new URLSearchParams(query as Record<string, string>)}`)
        expect(res.status).toBe(200)
        const expected = searchOpenItems(old, query).map((i) => i.orderId)
        expect({ query, ids: res.data.open_orders.map((o: { order_id: string }) => o.order_id) }).toEqual({ query, ids: expected })
      }
      // the paid order is found by nothing, not even by its own number or amount
      const ids = async (query: string) => (await get(`/open-orders/search?${query}`)).data.open_orders.map((o: { order_id: string }) => o.order_id)
      expect(await ids(`q=${s.paid.display_id}`)).not.toContain(s.paid.id)
      expect(await ids(`q=INV-${s.paid.display_id}`)).toEqual([])
      expect(await ids(`amount=30`)).toEqual([])
    })

    it("the search's projection follows a renamed customer and an order it has no row for, with the in-memory search's answers", async () => {
      const s = await shop()
      const container = getContainer()
      const same = async (query: Record<string, string>) => {
        const res = await get(`/open-orders/search?${new URLSearchParams(query)}`)
        expect(res.status).toBe(200)
        const expected = searchOpenItems((await loadOpenOrdersThroughGraph(container)).items, query).map((i) => i.orderId)
        return { actual: res.data.open_orders.map((o: { order_id: string }) => o.order_id) as string[], expected }
      }
      // the first search wrote rows for the owing orders
      const brenner = await same({ q: "brenner" })
      expect(brenner.actual).toEqual(brenner.expected)
      expect([...brenner.actual].sort()).toEqual([s.several.id, s.partly.id].sort())
      const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      expect(Number((await pg.raw(`select count(*) from open_order_search`)).rows[0].count)).toBeGreaterThanOrEqual(3)

      // customer.updated rewrites the text of the customer's rows (the event is handled asynchronously)
      const renamed = await api.post(`/admin/customers/${s.jonas.id}`, { last_name: "Röstmeister", company_name: "Röstmeister & Co" }, { headers: admin.headers })
      expect(renamed.status).toBe(200)
      let found: { actual: string[]; expected: string[] } = { actual: [], expected: [] }
      for (let i = 0; i < 50 && found.actual.length === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 200))
        found = await same({ q: "röstmeister" })
      }
      expect([...found.expected].sort()).toEqual([s.several.id, s.partly.id].sort())
      expect(found.actual).toEqual(found.expected)
      expect(await same({ q: "brenner kaffee" })).toEqual({ actual: [], expected: [] })

      // rows lost (or never written): the owing orders are candidates all the same, and written again
      await pg.raw(`delete from open_order_search`)
      expect((await same({ q: "erika" })).actual).toEqual([s.unpaid.id])
      expect((await same({ q: "röstmeister" })).actual.sort()).toEqual([s.several.id, s.partly.id].sort())
      expect(Number((await pg.raw(`select count(*) from open_order_search`)).rows[0].count)).toBeGreaterThanOrEqual(3)

      // by amount, with no row yet: the partly assigned order by what it owes after its confirmed 50
      await pg.raw(`delete from open_order_search`)
      expect(await same({ amount: "37.5" })).toEqual({ actual: [s.partly.id], expected: [s.partly.id] })
      // the confirmed sum follows every assignment change at once (triggers on payment_assignment)
      const assignment = (await get(`/transactions/${s.payment.id}/assignments`)).data.assignments.find((a: { order_id: string }) => a.order_id === s.partly.id)
      expect((await post(`/assignments/${assignment.id}`, { amount: "20" })).status).toBe(200)
      expect(await same({ amount: "67.5" })).toEqual({ actual: [s.partly.id], expected: [s.partly.id] })
      expect(await same({ amount: "37.5" })).toEqual({ actual: [], expected: [] })
      const row = async () => (await pg.raw(`select trim_scale(pending)::text as pending, trim_scale(assigned)::text as assigned from open_order_owed where order_id = ?`, [s.partly.id])).rows[0]
      expect(await row()).toEqual({ pending: "87.5", assigned: "20" })

      // an order placed longer ago that lost its row: the minute job writes it again
      await pg.raw(`delete from open_order_search`)
      await pg.raw(`update "order" set created_at = created_at - interval '1 day' where id = any(?)`, [[s.unpaid.id, s.several.id, s.partly.id]])
      expect(await pg.raw(`select count(*)::int as n from open_order_search`)).toMatchObject({ rows: [{ n: 0 }] })
      await refreshOpenOrderSearchJob(container)
      expect(await row()).toEqual({ pending: "87.5", assigned: "20" })
      expect(await same({ q: "erika" })).toEqual({ actual: [s.unpaid.id], expected: [s.unpaid.id] })
      expect(await same({ amount: "67.5" })).toEqual({ actual: [s.partly.id], expected: [s.partly.id] })
    })

    it("pages a text search over orders with stored references in chunks with the in-memory search's answers", async () => {
      const container = getContainer()
      const lena = (await createStoreCustomer(container, { email: "lena@example.com", first_name: "Lena", last_name: "Vogt" })).customer
      const placed: Awaited<ReturnType<typeof order>>[] = []
      for (let i = 0; i < 9; i++) {
        placed.push(await order(lena, [{ title: "Bohnen", quantity: 1, unit_price: 10 + i }], { payment_reference: derivePaymentReference(`vogt-${i}`) }))
      }
      // their rows, as the order.placed subscriber writes them (it may have written some already: the
      // count of rows, not what this call wrote)
      await refreshOpenOrderSearchIn(container, { orderIds: placed.map((p) => p.order.id) })
      const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      expect((await pg.raw(`select order_id from open_order_search where order_id = any(?)`, [placed.map((p) => p.order.id)])).rows.length).toBe(9)
      // the newest paid: candidates of the projection until the job drops them, never hits (limit 1: a second chunk)
      for (const i of [4, 5, 6, 7, 8]) {
        await markPaymentCollectionAsPaid(container).run({ input: { order_id: placed[i].order.id, payment_collection_id: placed[i].paymentCollection.id } })
      }
      const queries: { q: string; limit?: string; customer_id?: string }[] = [
        { q: "vogt", limit: "1" },
        { q: "vogt", limit: "2" },
        { q: "vogt", limit: "4" },
        { q: "vogt" },
        { q: derivePaymentReference("vogt-2").slice(0, 4), limit: "3" },
        { q: derivePaymentReference("vogt-3"), limit: "3" },
        { q: String(placed[8].order.display_id), limit: "1" },
        { q: String(placed[3].order.display_id), limit: "1" },
        { q: "lena@example", customer_id: lena.id, limit: "2" },
      ]
      for (let round = 0; round < 2; round++) {
        // twice: the search writes nothing here (every owing order has its row)
        for (const query of queries) {
          // the optional keys are absent, never undefined, so every value is a string
          const res = await get(`/open-orders/search?${new URLSearchParams(query as Record<string, string>)}`)
          expect(res.status).toBe(200)
          const expected = searchOpenItems((await loadOpenOrdersThroughGraph(container)).items, { ...query, limit: query.limit ? Number(query.limit) : undefined }).map((i) => i.orderId)
          expect({ round, query, ids: res.data.open_orders.map((o: { order_id: string }) => o.order_id) }).toEqual({ round, query, ids: expected })
        }
      }
      // the owing orders keep exact rows; the paid ones' rows may already be gone (the minute job runs
      // in the test app too, so when it ran is not asserted)
      const rows = (await pg.raw(`select order_id, exact from open_order_search where order_id = any(?)`, [placed.map((p) => p.order.id)])).rows
      const owing = placed.slice(0, 4).map((p) => p.order.id)
      expect(rows.filter((r: { order_id: string }) => owing.includes(r.order_id)).length).toBe(4)
      expect(rows.every((r: { exact: boolean }) => r.exact)).toBe(true)
      // the job drops the paid ones' rows
      await refreshOpenOrderSearchIn(container, { all: true })
      expect((await pg.raw(`select order_id from open_order_search where order_id = any(?)`, [placed.map((p) => p.order.id)])).rows.length).toBe(4)
    })
  },
})
