import { MedusaContainer } from "@medusajs/framework/types"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { BANK_RECONCILIATION_MODULE } from "../../src/modules/bank-reconciliation"
import type BankReconciliationModuleService from "../../src/modules/bank-reconciliation/service"
import { assignTransactionManuallyWorkflow } from "../../src/workflows/assignment/assign-transaction-manually"
import { bookAssignments } from "../../src/workflows/booking/book-assignments"
import { createAdminUser } from "../__fixtures__/admin-user"
import { createShopAccountWithPayments } from "../__fixtures__/bank-transactions"
import { createGermanRegion, createUnpaidOrder } from "../__fixtures__/order"
import { parsePain001 } from "../__fixtures__/pain001"

jest.setTimeout(300_000)

const BASE = "/admin/bank-reconciliation/refunds"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let headers: Record<string, string>

    beforeEach(async () => {
      container = getContainer()
      headers = (await createAdminUser(container)).headers
    })

    const post = (path: string, body: unknown) => api.post(`${BASE}${path}`, body, { headers }).catch((e) => e.response)
    const get = (path: string) => api.get(`${BASE}${path}`, { headers }).catch((e) => e.response)
    const service = () => container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)

    /** An overpaid order (130.00 for 100.00, booked), a duplicate, a payment for no order, and one with a broken IBAN. */
    async function surplusPayments() {
      const region = await createGermanRegion(container)
      const { order } = await createUnpaidOrder(container, { region_id: region.id, items: [{ title: "Kaffeemühle", quantity: 1, unit_price: 100 }] })
      const { account, transactions } = await createShopAccountWithPayments(container, [
        { amount: "130.00", purpose: `Bestellung ${order.display_id}`, name: "Jörg Weiß", iban: "DE02 1203 0000 0000 2020 51", bic: "BYLADEM1001" },
        { amount: "49.99", purpose: "Rechnung 1042", name: "Erika Mustermann", iban: "DE02100100100006820101", duplicate: true },
        { amount: "20.11", purpose: "Spende?", name: "Max Muster", iban: "AT611904300234573201" },
        { amount: "5.00", purpose: "kaputt", name: "Kein Konto", iban: "DE02120300000000202052" },
      ])
      await assignTransactionManuallyWorkflow(container).run({ input: { transaction_id: transactions[0].id, assignments: [{ order_id: order.id, amount: "100.00" }] } })
      const [assignment] = await service().listPaymentAssignments({ transaction_id: transactions[0].id })
      expect((await bookAssignments(container, [assignment.id]))[0]).toMatchObject({ status: "booked" })
      // a sixth payment waits for the operator's decision on a suggestion: not surplus (yet)
      const { order: suggested } = await createUnpaidOrder(container, { region_id: region.id, items: [{ title: "Filter", quantity: 1, unit_price: 12 }] })
      const { transactions: [pending] } = await createShopAccountWithPayments(container, [{ amount: "12.00", purpose: "Filter", name: "Ida Vogel", iban: "DE89370400440532013000" }])
      await service().createPaymentAssignments({ transaction_id: pending.id, order_id: suggested.id, amount: "12.00", currency_code: "eur", source: "auto", status: "proposed" })
      await service().updateBankTransactions({ id: pending.id, status: "proposed" })
      return { order, account, transactions }
    }

    it("exports the selected surplus as a pain.001.001.09 file that parses back to exactly those payments, IBANs and amounts, and keeps it", async () => {
      const { order, account, transactions } = await surplusPayments()
      const [overpaid, duplicate, noOrder, broken] = transactions

      const { data: listed } = await get("/candidates")
      expect(Object.fromEntries(listed.candidates.map((c: any) => [c.id, [c.reason, Number(c.surplus).toFixed(2), c.order_id]]))).toEqual({
        [overpaid.id]: ["overpayment", "30.00", order.id],
        [duplicate.id]: ["duplicate", "49.99", null],
        [noOrder.id]: ["no_order", "20.11", null],
        [broken.id]: ["no_order", "5.00", null],
      })

      const refused = await post("", { transaction_ids: [noOrder.id, broken.id], bank_account_id: account.id })
      expect(refused.status).toBe(400)
      expect(refused.data.message).toMatch(new RegExp(`transaction_ids\\[1\\] \\(${broken.id}\\): the payer's IBAN .* is not valid`))

      const selected = [overpaid.id, duplicate.id, noOrder.id]
      const created = await post("", { transaction_ids: selected, bank_account_id: account.id })
      expect(created.status).toBe(200)
      const file = created.data.refund_export
      expect(file).toMatchObject({ format: "pain.001.001.09", count: 3, total: 100.1, debtor_iban: "DE89370400440532013000" })

      const download = await get(`/${file.id}/file`)
      expect(download.headers["content-type"]).toMatch(/^application\/xml/)
      expect(download.headers["content-disposition"]).toBe(`attachment; filename="${file.file_name}"`)
      const parsed = parsePain001(download.data)
      expect(parsed).toMatchObject({ namespace: "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09", message_id: file.message_id, count: "3", control_sum: "100.10" })
      expect(parsed.batches).toHaveLength(1)
      expect(parsed.batches[0]).toMatchObject({ debtor_iban: "DE89370400440532013000", debtor_bic: "COBADEFFXXX", control_sum: "100.10" })
      expect(parsed.batches[0].transfers.map((t) => [t.iban, t.bic, t.amount, t.currency, t.name])).toEqual([
        ["DE02120300000000202051", "BYLADEM1001", "30.00", "EUR", "Joerg Weiss"],
        ["DE02100100100006820101", null, "49.99", "EUR", "Erika Mustermann"],
        ["AT611904300234573201", null, "20.11", "EUR", "Max Muster"],
      ])

      // each payment records what went out, in which file, when
      const items = await service().listRefundExportItems({ transaction_id: selected })
      expect(items.map((i) => [i.transaction_id, i.export_id, Number(i.amount), i.end_to_end_id]).sort()).toEqual(
        parsed.batches[0].transfers.map((t, i) => [selected[i], file.id, Number(t.amount), t.end_to_end_id]).sort()
      )
      const { data: after } = await get("/candidates")
      expect(after.candidates.map((c: any) => c.id)).toEqual([broken.id])
      const { data: files } = await get("")
      expect(files.refund_exports.map((f: any) => [f.id, f.items.length])).toEqual([[file.id, 3]])

      // the overpaid order's customer is told (recorded once; no template configured, so nothing is sent)
      const notices = await service().listOrderNotices({ order_id: order.id, kind: "surplus_refunded" })
      expect(notices.map((n) => [n.key, n.template, n.notification_id])).toEqual([[`surplus:${overpaid.id}`, null, null]])
    })

    it("refuses to export a payment a second time, also when two exports race, and writes nothing for the refused one", async () => {
      const { account, transactions } = await surplusPayments()
      const [, duplicate, noOrder] = transactions

      const racing = await Promise.all([
        post("", { transaction_ids: [duplicate.id], bank_account_id: account.id }),
        post("", { transaction_ids: [duplicate.id, noOrder.id], bank_account_id: account.id }),
      ])
      expect(racing.map((r) => r.status).sort()).toEqual([200, expect.any(Number)])
      expect(racing.filter((r) => r.status === 200)).toHaveLength(1)
      expect(racing.find((r) => r.status !== 200)!.status).toBe(422)

      const again = await post("", { transaction_ids: [duplicate.id], bank_account_id: account.id })
      expect(again.status).toBe(422)
      expect(again.data.message).toMatch(/already exported for a refund .* never exported twice/)

      const items = await service().listRefundExportItems({ transaction_id: [duplicate.id, noOrder.id] })
      const exported = racing.find((r) => r.status === 200)!.data.refund_export
      expect(items.map((i) => i.transaction_id).sort()).toEqual(exported.items.map((i: any) => i.transaction_id).sort())
      expect(await service().listRefundExports({})).toHaveLength(1)
    })

    it("names the field when the selection is empty", async () => {
      const response = await post("", { transaction_ids: [], bank_account_id: "x" })
      expect(response.status).toBe(400)
      expect(response.data.message).toMatch(/transaction_ids/)
    })
  },
})
