import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { useAdminShop } from "../__fixtures__/admin-shop"
import { createStoreCustomer } from "../__fixtures__/customer"
import { useFinapiSandbox } from "../__fixtures__/finapi-sandbox"

jest.setTimeout(240_000)

const sandbox = useFinapiSandbox()
const JONAS_IBAN = "DE02500105170137075030"

type Assignment = { id: string; order_id: string; status: string; evidence: { reasons: { signal: string; code?: string }[] } | null }
type Learned = { kind: string; value: string; learned_from: string }
type Payment = { amount: number; purpose: string; counterpartName: string; counterpartIban?: string }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const shop = useAdminShop(api, getContainer, sandbox)
    const { get, post } = shop
    const assignmentsOf = async (id: string): Promise<Assignment[]> =>
      ((await get(`/transactions/${id}/assignments`)).data.assignments as Assignment[]).filter((a) => a.status !== "rejected")
    const learned = async (customerId: string): Promise<Learned[]> => (await get(`/customers/${customerId}/learned-payers`)).data.learned_payers

    const order = (customerId: string, email: string, amount: number) =>
      shop.unpaidOrder({ id: customerId, email }, [{ title: "Hobelbank", quantity: 1, unit_price: amount }])

    async function importPayments(giro: { id: string; finapi_account_id: string }, payments: Payment[]) {
      sandbox.current.control.addTransactions(Number(giro.finapi_account_id), payments.map((p) => ({ ...p })))
      expect((await post("/transactions/import", { account_id: giro.id })).status).toBe(200)
      await post("/auto-assign") // waits for the run the import started
      const list = (await get(`/transactions?account_id=${giro.id}&limit=200`)).data.transactions as { id: string; purpose: string }[]
      return Object.fromEntries(payments.map((p) => [p.purpose, list.find((t) => t.purpose === p.purpose)!.id]))
    }

    it("a confirmed suggestion makes the payer IBAN known at once and the payer name an alias; removing them is honoured", async () => {
      const giro = (await shop.linkTestBank()).giro
      const { customer: jonas } = await createStoreCustomer(getContainer(), { email: "jonas@example.com", first_name: "Jonas", last_name: "Brenner" })
      const first = (await order(jonas.id, "jonas@example.com", 87.5)).order
      const ids = await importPayments(giro, [{ amount: 87.5, purpose: "Kaffee", counterpartName: "Jonas Brenner", counterpartIban: JONAS_IBAN }])
      const [guess] = await assignmentsOf(ids["Kaffee"])
      expect(guess).toMatchObject({ order_id: first.id, status: "proposed" })
      expect(await learned(jonas.id)).toEqual([])

      expect((await post(`/assignments/${guess.id}`, { confirm: true })).status).toBe(200)
      expect(await learned(jonas.id)).toEqual(expect.arrayContaining([
        expect.objectContaining({ kind: "iban", value: JONAS_IBAN, learned_from: "confirmed" }),
        expect.objectContaining({ kind: "name", value: "Jonas Brenner", learned_from: "confirmed" }),
      ]))

      // the next payment from that account, for the only order at that amount, is assigned without a human
      const second = (await order(jonas.id, "jonas@example.com", 42)).order
      const next = await importPayments(giro, [{ amount: 42, purpose: "Danke", counterpartName: "J. Brenner", counterpartIban: JONAS_IBAN }])
      expect(await assignmentsOf(next["Danke"])).toEqual([expect.objectContaining({ order_id: second.id, status: "confirmed" })])

      // removed: the IBAN no longer counts, neither from the lesson nor from the confirmed assignment
      const removed = await post(`/customers/${jonas.id}/learned-payers/remove`, { kind: "iban", value: JONAS_IBAN.replace(/(.{4})/g, "$1 ") })
      expect(removed.status).toBe(200)
      expect(removed.data.learned_payers).toEqual([expect.objectContaining({ kind: "name", value: "Jonas Brenner" })])
      const third = (await order(jonas.id, "jonas@example.com", 19.9)).order
      const later = await importPayments(giro, [{ amount: 19.9, purpose: "Nachzahlung", counterpartName: "Unbekannt", counterpartIban: JONAS_IBAN }])
      expect((await assignmentsOf(later["Nachzahlung"])).filter((a) => a.order_id === third.id && a.status === "confirmed")).toEqual([])
    })

    it("a manual assignment teaches the payer name, which the engine then matches like the customer's own name", async () => {
      const giro = (await shop.linkTestBank()).giro
      const { customer } = await createStoreCustomer(getContainer(), { email: "udo@example.com", first_name: "Udo", last_name: "Brenner" })
      const first = (await order(customer.id, "udo@example.com", 412.3)).order
      const ids = await importPayments(giro, [{ amount: 412.3, purpose: "Sammelzahlung", counterpartName: "Holzwerkstatt Nord" }])
      expect((await assignmentsOf(ids["Sammelzahlung"])).filter((a) => a.status === "confirmed")).toEqual([])
      const assigned = await post(`/transactions/${ids["Sammelzahlung"]}/assignments`, { assignments: [{ order_id: first.id, amount: "412.30" }] })
      expect(assigned.status).toBe(200)
      expect(await learned(customer.id)).toEqual(expect.arrayContaining([expect.objectContaining({ kind: "name", value: "Holzwerkstatt Nord", learned_from: "manual" })]))

      const second = (await order(customer.id, "udo@example.com", 64)).order
      const next = await importPayments(giro, [{ amount: 64, purpose: "Werkzeug", counterpartName: "HOLZWERKSTATT NORD" }])
      const [suggestion] = await assignmentsOf(next["Werkzeug"])
      expect(suggestion).toMatchObject({ order_id: second.id })
      expect(suggestion.evidence!.reasons).toEqual(expect.arrayContaining([expect.objectContaining({ signal: "name", code: "name_full" })]))
    })

    it("refuses a removal without a valid kind, naming the field", async () => {
      const res = await post("/customers/cus_x/learned-payers/remove", { kind: "email", value: "x" })
      expect(res.status).toBe(400)
      expect(res.data.message).toMatch(/kind/)
    })
  },
})
