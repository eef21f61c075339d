import { medusaIntegrationTestRunner, TestEventUtils } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { useAdminShop } from "../__fixtures__/admin-shop"
import { createStoreCustomer } from "../__fixtures__/customer"
import { useFinapiSandbox } from "../__fixtures__/finapi-sandbox"
import { derivePaymentReference, formatPaymentReference } from "../../src/lib/bank-transfer/payment-reference"

jest.setTimeout(240_000)

const sandbox = useFinapiSandbox()

type Assignment = { id: string; order_id: string; amount: number; status: string; source: string; confidence: number | null; evidence: { reasons: { signal: string }[] } | null }
type TransactionView = { transaction: { id: string; status: string; assigned_amount: number; ignore_reason: string | null }; assignments: Assignment[] }
type Payment = { amount: number; purpose: string; counterpartName: string; counterpartIban?: string }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const shop = useAdminShop(api, getContainer, sandbox)
    const { get, post, del } = shop
    const view = async (transactionId: string): Promise<TransactionView> => (await get(`/transactions/${transactionId}/assignments`)).data
    const live = (v: TransactionView) => v.assignments.filter((a) => a.status !== "rejected")

    async function linkedGiro() {
      return (await shop.linkTestBank()).giro
    }

    async function customerWithOrder(first: string, last: string, amount: number, metadata?: Record<string, unknown>) {
      const email = `${first}.${last}@example.com`.toLowerCase()
      const { customer } = await createStoreCustomer(getContainer(), { email, first_name: first, last_name: last })
      return (await orderFor(customer.id, email, amount, metadata)).order
    }

    function orderFor(customerId: string, email: string, amount: number, metadata?: Record<string, unknown>) {
      return shop.unpaidOrder({ id: customerId, email }, [{ title: "Kaffeemühle", quantity: 1, unit_price: amount }], metadata)
    }

    /**
     * Puts payments into the sandbox bank and imports them; auto-assign runs on the import event.
     * A second auto-assign waits for that run (one run at a time) and shows what it left to do.
     */
    async function importPayments(giro: { id: string; finapi_account_id: string }, payments: Payment[]) {
      sandbox.current.control.addTransactions(Number(giro.finapi_account_id), payments.map((p) => ({ ...p })))
      const res = await post("/transactions/import", { account_id: giro.id })
      expect(res.status).toBe(200)
      // the import hands its payments to matching through the database; wait until matching has seen them
      type Listed = { id: string; purpose: string; needs_matching: boolean }
      const listed = async () => (await get(`/transactions?account_id=${giro.id}&limit=200`)).data.transactions as Listed[]
      for (let tries = 0; (await listed()).some((t) => t.needs_matching); tries++) {
        expect(tries).toBeLessThan(300)
        await new Promise((resolve) => setTimeout(resolve, 200))
      }
      const afterEvent = (await post("/auto-assign")).data.summary
      const list = await listed()
      const ids = Object.fromEntries(payments.map((p) => [p.purpose, list.find((t) => t.purpose === p.purpose)!.id]))
      return { ids, afterEvent }
    }

    it("assigns a payment naming its invoice at once after import, and leaves a name-and-amount guess for the operator", async () => {
      const giro = await linkedGiro()
      const erika = await customerWithOrder("Erika", "Mustermann", 119)
      const jonas = await customerWithOrder("Jonas", "Brenner", 87.5)
      const { ids, afterEvent } = await importPayments(giro, [
        { amount: 119, purpose: `Rechnung INV-${erika.display_id} Danke`, counterpartName: "Erika Mustermann" },
        { amount: 87.5, purpose: "Kaffee", counterpartName: "Jonas Brenner" },
      ])
      expect(afterEvent).toMatchObject({ changed: 0 }) // the import's event had matched them already

      const exact = await view(ids[`Rechnung INV-${erika.display_id} Danke`])
      expect(exact.transaction).toMatchObject({ status: "assigned", assigned_amount: 119 })
      expect(exact.assignments).toEqual([
        expect.objectContaining({ order_id: erika.id, amount: 119, status: "confirmed", source: "auto", confidence: expect.any(Number) }),
      ])
      expect(exact.assignments[0].evidence!.reasons.map((r) => r.signal)).toContain("invoice_number")
      const listed = (await get(`/transactions?q=${encodeURIComponent("Rechnung INV")}`)).data.transactions
      expect(listed[0].assignments).toEqual([expect.objectContaining({ status: "confirmed", confidence: expect.any(Number), order: expect.objectContaining({ display_id: erika.display_id }) })])

      const guess = await view(ids["Kaffee"])
      expect(guess.transaction).toMatchObject({ status: "proposed", assigned_amount: 0 })
      expect(guess.assignments).toEqual([expect.objectContaining({ order_id: jonas.id, status: "proposed", source: "auto" })])

      // the operator confirms the suggestion; the order is no longer open
      const confirmed = await post(`/assignments/${guess.assignments[0].id}`, { confirm: true })
      expect(confirmed.status).toBe(200)
      expect(confirmed.data.transaction).toMatchObject({ status: "assigned", assigned_amount: 87.5 })
      const open = (await get(`/open-orders/search?q=${jonas.display_id}`)).data.open_orders
      expect(open.map((o: { order_id: string }) => o.order_id)).not.toContain(jonas.id)
    })

    it("changes nothing when auto-assign runs again, and never proposes an order the operator turned down", async () => {
      const giro = await linkedGiro()
      const jonas = await customerWithOrder("Jonas", "Brenner", 87.5)
      const { ids } = await importPayments(giro, [{ amount: 87.5, purpose: "Kaffee", counterpartName: "Jonas Brenner" }])
      const before = await view(ids["Kaffee"])
      expect(live(before)).toHaveLength(1)

      const again = await post("/auto-assign")
      expect(again.status).toBe(200)
      expect(again.data.summary).toMatchObject({ changed: 0 })
      expect((await view(ids["Kaffee"])).assignments).toEqual(before.assignments)

      expect((await del(`/assignments/${before.assignments[0].id}`)).status).toBe(200)
      await post("/auto-assign", { transaction_ids: [ids["Kaffee"]] })
      const after = await view(ids["Kaffee"])
      expect(after.transaction.status).toBe("unassigned")
      expect(live(after)).toEqual([])
      expect(after.assignments).toEqual([expect.objectContaining({ order_id: jonas.id, status: "rejected" })])
    })

    it("assigns one payment to two orders by hand, changes and removes an assignment, and refuses more than the payment or the order", async () => {
      const giro = await linkedGiro()
      const first = await customerWithOrder("Paula", "Krüger", 60)
      const { customer } = await createStoreCustomer(getContainer(), { email: "k2@example.com", first_name: "Karl", last_name: "Weiß" })
      const { order: second } = await orderFor(customer.id, "k2@example.com", 45)
      const { ids } = await importPayments(giro, [{ amount: 100, purpose: "Sammelzahlung", counterpartName: "Firma Unbekannt" }])
      const payment = ids["Sammelzahlung"]

      const found = (await get(`/open-orders/search?q=${encodeURIComponent("krüger")}`)).data.open_orders
      expect(found).toEqual([expect.objectContaining({ order_id: first.id, outstanding: "60.00", invoice_number: `INV-${first.display_id}` })])
      expect((await get(`/customers/search?q=wei`)).data.customers).toEqual([expect.objectContaining({ id: customer.id })])

      const tooMuchForOrder = await post(`/transactions/${payment}/assignments`, { assignments: [{ order_id: second.id, amount: "45.01" }] })
      expect(tooMuchForOrder.status).toBe(400)
      expect(tooMuchForOrder.data.message).toMatch(/owes 45\.00/)

      const split = await post(`/transactions/${payment}/assignments`, {
        assignments: [
          { order_id: first.id, amount: "60.00" },
          { order_id: second.id, amount: "40.00" },
        ],
      })
      expect(split.status).toBe(200)
      expect(split.data.transaction).toMatchObject({ status: "assigned", assigned_amount: 100 })
      expect(live(split.data)).toEqual([
        expect.objectContaining({ order_id: first.id, amount: 60, status: "confirmed", source: "manual" }),
        expect.objectContaining({ order_id: second.id, amount: 40, status: "confirmed", source: "manual" }),
      ])
      const toSecond = live(split.data).find((a: Assignment) => a.order_id === second.id)!

      const tooMuchForPayment = await post(`/assignments/${toSecond.id}`, { amount: "41.00" })
      expect(tooMuchForPayment.status).toBe(400)
      expect(tooMuchForPayment.data.message).toMatch(/exceed the payment's amount of 100\.00/)

      const lowered = await post(`/assignments/${toSecond.id}`, { amount: "25.50" })
      expect(lowered.data.transaction).toMatchObject({ status: "assigned", assigned_amount: 85.5 })
      const [remaining] = (await get(`/open-orders/search?q=${second.display_id}`)).data.open_orders
      expect(remaining).toMatchObject({ order_id: second.id, outstanding: "19.50" })

      const removed = await del(`/assignments/${toSecond.id}`)
      expect(removed.data.transaction).toMatchObject({ status: "assigned", assigned_amount: 60 })
      const removedFirst = await del(`/assignments/${live(split.data)[0].id}`)
      expect(removedFirst.data.transaction).toMatchObject({ status: "unassigned", assigned_amount: 0 })
      expect((await del(`/assignments/${toSecond.id}`)).status).toBe(400)
    })

    it("lets only one of two simultaneous assignments through when together they exceed the payment or the order", async () => {
      const giro = await linkedGiro()
      const a = await customerWithOrder("Anna", "Lang", 50)
      const b = await customerWithOrder("Bernd", "Kurz", 50)
      const { ids } = await importPayments(giro, [
        { amount: 50, purpose: "Zahlung eins", counterpartName: "Dritte GmbH" },
        { amount: 50, purpose: "Zahlung zwei", counterpartName: "Vierte GmbH" },
      ])
      const payment = ids["Zahlung eins"]

      const samePayment = await Promise.all([
        post(`/transactions/${payment}/assignments`, { assignments: [{ order_id: a.id, amount: "30.00" }] }),
        post(`/transactions/${payment}/assignments`, { assignments: [{ order_id: b.id, amount: "30.00" }] }),
      ])
      expect(samePayment.map((r) => r.status).sort()).toEqual([200, 400])
      expect((await view(payment)).transaction.assigned_amount).toBe(30)

      const assignedOrder = samePayment.find((r) => r.status === 200)!.data.assignments[0].order_id
      const otherOrder = assignedOrder === a.id ? b.id : a.id
      // the other order still owes 50: two payments racing to put 30 each on it
      const sameOrder = await Promise.all([
        post(`/transactions/${payment}/assignments`, { assignments: [{ order_id: otherOrder, amount: "20.00" }] }),
        post(`/transactions/${ids["Zahlung zwei"]}/assignments`, { assignments: [{ order_id: otherOrder, amount: "40.00" }] }),
      ])
      expect(sameOrder.map((r) => r.status).sort()).toEqual([200, 400])
      const onOther = (await get(`/assignments?order_id=${otherOrder}&status=confirmed`)).data.assignments as Assignment[]
      expect(onOther.reduce((sum, x) => sum + Number(x.amount), 0)).toBeLessThanOrEqual(50)
      expect((await view(payment)).transaction.assigned_amount).toBeLessThanOrEqual(50)
    })

    it("marks a payment as not for this shop with a reason, leaves it alone when matching, and undoes that", async () => {
      const giro = await linkedGiro()
      const order = await customerWithOrder("Jonas", "Brenner", 87.5)
      const { ids } = await importPayments(giro, [{ amount: 87.5, purpose: "Kaffee", counterpartName: "Jonas Brenner" }])
      const payment = ids["Kaffee"]
      expect((await post(`/transactions/${payment}/ignore`, {})).status).toBe(400)

      const ignored = await post(`/transactions/${payment}/ignore`, { reason: "Rückzahlung der Versicherung" })
      expect(ignored.data.transaction).toMatchObject({ status: "ignored", ignore_reason: "Rückzahlung der Versicherung" })
      await post("/auto-assign")
      expect((await view(payment)).transaction.status).toBe("ignored")
      const open = (await get(`/transactions?processed=false&limit=200`)).data.transactions.map((t: { id: string }) => t.id)
      const processed = (await get(`/transactions?processed=true`)).data.transactions.map((t: { id: string }) => t.id)
      expect(open).not.toContain(payment)
      expect(processed).toEqual([payment])
      const refused = await post(`/transactions/${payment}/assignments`, { assignments: [{ order_id: order.id, amount: "87.50" }] })
      expect(refused.status).toBe(400)
      expect(refused.data.message).toMatch(/undo that first/)

      const undone = await del(`/transactions/${payment}/ignore`)
      expect(undone.data.transaction).toMatchObject({ status: "proposed", ignore_reason: null })
      const assigned = await post(`/transactions/${payment}/assignments`, { assignments: [{ order_id: order.id, amount: "87.50" }] })
      expect(assigned.data.transaction.status).toBe("assigned")
      expect((await post(`/transactions/${payment}/ignore`, { reason: "doch nicht" })).status).toBe(400)
    })

    it("keeps each payment's audit trail: imported, suggested by the engine, rejected, ignored and undone, assigned and removed by the admin user; a refused change leaves no entry", async () => {
      const giro = await linkedGiro()
      const jonas = await customerWithOrder("Jonas", "Brenner", 87.5)
      const { ids } = await importPayments(giro, [{ amount: 87.5, purpose: "Kaffee", counterpartName: "Jonas Brenner" }])
      const payment = ids["Kaffee"]
      const trail = async () => (await get(`/transactions/${payment}/events`)).data.events as { kind: string; actor_type: string; actor: string | null; order_display_id: number | null; confidence: number | null; details: Record<string, unknown> | null }[]

      const suggestion = (await view(payment)).assignments[0]
      expect((await del(`/assignments/${suggestion.id}`)).status).toBe(200)
      expect((await post(`/transactions/${payment}/ignore`, { reason: "Privat" })).status).toBe(200)
      expect((await del(`/transactions/${payment}/ignore`)).status).toBe(200)
      expect((await post(`/transactions/${payment}/assignments`, { assignments: [{ order_id: jonas.id, amount: "90.00" }] })).status).toBe(400)
      const assigned = await post(`/transactions/${payment}/assignments`, { assignments: [{ order_id: jonas.id, amount: "87.50" }] })
      expect(assigned.status).toBe(200)
      const manual = (assigned.data as TransactionView).assignments.find((a) => a.status === "confirmed")!
      expect((await del(`/assignments/${manual.id}`)).status).toBe(200)

      const events = await trail()
      expect(events.map((e) => e.kind)).toEqual(["imported", "suggested", "rejected", "ignored", "unignored", "assigned", "removed"])
      expect(events[0]).toMatchObject({ actor_type: "import", details: expect.objectContaining({ sync_run_id: expect.stringMatching(/^bsync_/), trigger: "operator" }) })
      expect(events[1]).toMatchObject({ actor_type: "engine", order_display_id: jonas.display_id, confidence: expect.any(Number) })
      for (const event of events.slice(2)) {
        expect(event).toMatchObject({ actor_type: "user", actor: "admin@shop.test" })
      }
      expect(events[3].details).toEqual({ reason: "Privat" })
    })

    it("sorts the payment list by amount or booking date when asked, and sums the header's figures", async () => {
      const giro = await linkedGiro()
      await importPayments(giro, [
        { amount: 12.5, purpose: "klein", counterpartName: "A" },
        { amount: 99, purpose: "gross", counterpartName: "B" },
      ])
      const amounts = async (order: string) => ((await get(`/transactions?account_id=${giro.id}&order=${order}&limit=200`)).data.transactions as { amount: number }[]).map((t) => t.amount)
      const descending = await amounts("-amount")
      expect(descending).toEqual([...descending].sort((a, b) => b - a))
      expect(await amounts("amount")).toEqual([...descending].reverse())
      expect((await get(`/transactions?order=purpose`)).status).toBe(400)

      // the header's figures: both payments wait for matching; 14 days of the chart, today last
      const { overview } = (await get("/overview")).data
      const open = overview.open.find((o: { currency_code: string }) => o.currency_code === "eur")
      const openList = (await get(`/transactions?status=unassigned&status=proposed&limit=200`)).data.transactions as { amount: number; currency_code: string; is_potential_duplicate: boolean }[]
      const expected = openList.filter((t) => !t.is_potential_duplicate && t.currency_code === "eur").reduce((sum, t) => sum + Math.round(t.amount * 100), 0)
      expect(Math.round(Number(open.amount) * 100)).toBe(expected)
      expect(overview.days).toHaveLength(14)
      expect(overview.days[13].day).toBe(new Date().toISOString().slice(0, 10))
      expect(overview.last_run).toMatchObject({ trigger: "operator", status: expect.any(String) })
      expect(overview.consents).toEqual([expect.objectContaining({ label: "Sparkasse", consent_expires_at: expect.any(String) })])
    })

    it("matches a payment that arrived before its order once the order is placed", async () => {
      const giro = await linkedGiro()
      const reference = derivePaymentReference("order-to-come")
      const { ids } = await importPayments(giro, [{ amount: 249, purpose: `${formatPaymentReference(reference)} Vorkasse`, counterpartName: "Lena Vogel" }])
      const payment = Object.values(ids)[0]
      expect((await view(payment)).transaction.status).toBe("unassigned")

      const order = await customerWithOrder("Lena", "Vogel", 249, { payment_reference: reference })
      const eventBus = getContainer().resolve(Modules.EVENT_BUS)
      const matched = TestEventUtils.waitSubscribersExecution("order.placed", eventBus)
      await eventBus.emit({ name: "order.placed", data: { id: order.id } })
      await matched

      const after = await view(payment)
      expect(after.transaction).toMatchObject({ status: "assigned", assigned_amount: 249 })
      expect(after.assignments).toEqual([expect.objectContaining({ order_id: order.id, status: "confirmed", source: "auto" })])
    })
  },
})
