import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner, TestEventUtils } from "@medusajs/test-utils"
import { BANK_RECONCILIATION_MODULE } from "../../src/modules/bank-reconciliation"
import type BankReconciliationModuleService from "../../src/modules/bank-reconciliation/service"
import { assignTransactionManuallyWorkflow } from "../../src/workflows/assignment/assign-transaction-manually"
import { autoAssignTransactionsWorkflow } from "../../src/workflows/assignment/auto-assign-transactions"
import { PAYMENT_BOOKED_EVENT } from "../../src/workflows/booking/book-assignment"
import { bookAssignments } from "../../src/workflows/booking/book-assignments"
import { cancelUnpaidOrderWorkflow } from "../../src/workflows/prepayment/cancel-unpaid-order"
import { runPrepaymentDeadlines } from "../../src/workflows/prepayment/run-prepayment-deadlines"
import { sendAdminFeedNoticesWorkflow } from "../../src/workflows/prepayment/send-admin-feed-notices"
import { createAdminUser } from "../__fixtures__/admin-user"
import { createShopAccountWithPayments } from "../__fixtures__/bank-transactions"
import { createStoreCustomer } from "../__fixtures__/customer"
import { createUnpaidOrder } from "../__fixtures__/order"
import { createStockedStorefront } from "../__fixtures__/stocked-storefront"
import { placeOrder, startCheckout } from "../__fixtures__/store-checkout"

jest.setTimeout(300_000)

const DAY = 24 * 60 * 60 * 1000

// The test app's options (integration-tests/__fixtures__/plugin-options.ts): reminders on days 3
// and 7, cancel after 14 days, templates for everything but surplus_refunded.
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let shop: Awaited<ReturnType<typeof createStockedStorefront>>
    let headers: Record<string, string>

    beforeEach(async () => {
      container = getContainer()
      shop = await createStockedStorefront(container)
      const erika = await createStoreCustomer(container, { email: "erika@example.com" })
      headers = { ...erika.headers, "x-publishable-api-key": shop.publishableKey }
    })

    /** Places a bank-transfer order for two grinders (119.00) and waits for its payment reference. */
    async function placeBankTransferOrder() {
      const { cart } = await startCheckout(api, { headers, regionId: shop.region.id, variantId: shop.variantId, quantity: 2 })
      const subscribers = TestEventUtils.waitSubscribersExecution("order.placed", container.resolve(Modules.EVENT_BUS), { timeout: 120_000 })
      const placed = await placeOrder(api, cart.id, headers)
      await subscribers
      const order = await loadOrder(placed.id)
      return { ...order, at: (days: number) => new Date(new Date(order.created_at).getTime() + days * DAY + 60_000) }
    }

    async function loadOrder(id: string) {
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [order],
      } = await query.graph({ entity: "order", fields: ["id", "status", "email", "created_at", "metadata", "items.id"], filters: { id } })
      return order as unknown as { id: string; status: string; email: string; created_at: string; metadata: Record<string, string>; items: { id: string }[] }
    }

    /** What the order widget reads: GET …/orders/:id/prepayment and …/bank-payments. */
    async function widget(orderId: string) {
      const { headers: admin } = await createAdminUser(container, `admin-${Math.random().toString(36).slice(2)}@shop.test`)
      const get = async (path: string) => (await api.get(`/admin/bank-reconciliation/orders/${orderId}/${path}`, { headers: admin })).data
      return { ...(await get("prepayment")).prepayment, outstanding: (await get("bank-payments")).bank_payments.outstanding }
    }

    async function reservedQuantity(lineItemIds: string[]) {
      const reservations = await container.resolve(Modules.INVENTORY).listReservationItems({ line_item_id: lineItemIds })
      return reservations.reduce((sum, r) => sum + Number(r.quantity), 0)
    }

    async function notifications(orderId: string) {
      const sent = await container.resolve(Modules.NOTIFICATION).listNotifications({ resource_id: orderId }, { order: { created_at: "ASC" } })
      return sent as unknown as { template: string; to: string; channel: string; data: Record<string, any> }[]
    }

    const service = () => container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)

    it("sends reminder 1 and 2 once each on their day, then cancels the overdue order, releases its reservations and tells the customer", async () => {
      const order = await placeBankTransferOrder()
      const items = order.items.map((item) => item.id)
      expect(await reservedQuantity(items)).toBe(2)

      expect((await runPrepaymentDeadlines(container, order.at(2.9))).reminded).toEqual([])
      expect((await runPrepaymentDeadlines(container, order.at(3))).reminded).toEqual([{ order_id: order.id, n: 1 }])
      expect((await runPrepaymentDeadlines(container, order.at(3.5))).reminded).toEqual([])
      // two instances at the same moment: one reminder 2
      const both = await Promise.all([runPrepaymentDeadlines(container, order.at(7)), runPrepaymentDeadlines(container, order.at(7))])
      expect(both.flatMap((run) => run.reminded)).toEqual([{ order_id: order.id, n: 2 }])
      expect((await runPrepaymentDeadlines(container, order.at(10))).reminded).toEqual([])

      const reminders = (await notifications(order.id)).filter((n) => n.template === "order-payment-reminder")
      expect(reminders.map((n) => [n.to, n.channel, n.data.reminder])).toEqual([
        ["erika@example.com", "email", 1],
        ["erika@example.com", "email", 2],
      ])
      expect(reminders[1].data).toMatchObject({
        kind: "payment_reminder",
        deadline: new Date(new Date(order.created_at).getTime() + 14 * DAY).toISOString(),
        order: { id: order.id, total: "119.00" },
        payment: { outstanding_amount: "119.00" },
        bank_transfer: { amount: "119.00", payment_reference: order.metadata.payment_reference, epc_qr_png: expect.stringMatching(/^data:image\/png;base64,/) },
      })
      expect(await reservedQuantity(items)).toBe(2)

      const deadline = new Date(new Date(order.created_at).getTime() + 14 * DAY).toISOString()
      expect(await widget(order.id)).toMatchObject({ deadline, cancelled: null, outstanding: "119.00" })
      // an unpaid order on the system provider has no deadline: the job never cancels it
      const manual = await createUnpaidOrder(container, { region_id: shop.region.id })
      expect((await widget(manual.order.id)).deadline).toBeNull()
      expect((await runPrepaymentDeadlines(container, order.at(13.9))).cancelled).toEqual([])
      expect((await runPrepaymentDeadlines(container, order.at(14))).cancelled.map((c) => c.order_id)).toEqual([order.id])
      expect((await loadOrder(order.id)).status).toBe("canceled")
      expect(await reservedQuantity(items)).toBe(0)
      const cancelNotices = (await notifications(order.id)).filter((n) => n.template === "order-cancelled-for-non-payment")
      expect(cancelNotices).toHaveLength(1)
      expect(cancelNotices[0]).toMatchObject({ to: "erika@example.com", data: { reason: "not_paid_by_deadline" } })
      expect((await runPrepaymentDeadlines(container, order.at(20))).cancelled).toEqual([])
      // the widget: no deadline any more, why it was cancelled, nothing owed (no payment to assign)
      expect(await widget(order.id)).toMatchObject({ deadline: null, cancelled: { reason: "not_paid_by_deadline", deadline }, outstanding: "0.00" })

      const recorded = await service().listOrderNotices({ order_id: order.id }, { order: { happened_at: "ASC" } })
      expect(recorded.map((n) => [n.key, !!n.notification_id])).toEqual([
        ["reminder:1", true],
        ["reminder:2", true],
        ["cancelled", true],
      ])
    })

    it("reminds and cancels neither a paid order nor one with a payment assigned before the deadline, and tells the payer it arrived", async () => {
      const paid = await placeBankTransferOrder()
      const assigned = await placeBankTransferOrder()
      const { transactions } = await createShopAccountWithPayments(container, [
        { amount: "119.00", purpose: paid.metadata.payment_reference, name: "Erika Mustermann" },
        { amount: "50.00", purpose: assigned.metadata.payment_reference, name: "Erika Mustermann" },
      ])
      for (const [transaction, order, amount] of [[transactions[0], paid, "119.00"], [transactions[1], assigned, "50.00"]] as const) {
        await assignTransactionManuallyWorkflow(container).run({ input: { transaction_id: transaction.id, assignments: [{ order_id: order.id, amount }] } })
      }
      const [toBook] = await service().listPaymentAssignments({ transaction_id: transactions[0].id })
      const booked = TestEventUtils.waitSubscribersExecution(PAYMENT_BOOKED_EVENT, container.resolve(Modules.EVENT_BUS), { timeout: 120_000 })
      expect((await bookAssignments(container, [toBook.id]))[0].status).toBe("booked")
      await booked

      for (const days of [3, 7, 14, 20]) {
        expect(await runPrepaymentDeadlines(container, paid.at(days))).toEqual({ reminded: [], cancelled: [], skipped: [] })
      }
      expect((await loadOrder(paid.id)).status).toBe("pending")
      // paid: no deadline on the widget (the job would not cancel it), while the one with a payment assigned still has one
      expect((await widget(paid.id)).deadline).toBeNull()
      expect((await widget(assigned.id)).deadline).toEqual(expect.any(String))
      expect((await loadOrder(assigned.id)).status).toBe("pending")
      // the cancel itself re-checks under the order's lock
      const { errors } = await cancelUnpaidOrderWorkflow(container).run({ input: { order_id: assigned.id, deadline: null }, throwOnError: false })
      expect(errors[0].error.message).toMatch(/payment was assigned .* meanwhile; not cancelled/)
      expect((await loadOrder(assigned.id)).status).toBe("pending")

      expect((await notifications(paid.id)).map((n) => [n.template, n.data.received?.amount, n.data.payment?.outstanding_amount])).toEqual([
        ["order-payment-received", "119.00", "0.00"],
      ])
      expect(await notifications(assigned.id)).toEqual([])
    })

    it("holds a payment that arrives for a cancelled order out of auto-assign", async () => {
      const cancelled = await placeBankTransferOrder()
      expect((await runPrepaymentDeadlines(container, cancelled.at(14))).cancelled.map((c) => c.order_id)).toEqual([cancelled.id])
      // an open order of the same customer over the same amount: what auto-assign would otherwise pick
      const other = await placeBankTransferOrder()
      const reference = cancelled.metadata.payment_reference
      const { transactions } = await createShopAccountWithPayments(container, [
        { amount: "119.00", purpose: `Bestellung ${reference.replace(/(.{4})/g, "$1 ")} Erika Mustermann`, name: "Erika Mustermann" },
      ])

      await autoAssignTransactionsWorkflow(container).run({ input: {} })

      const [late] = await service().listBankTransactions({ id: transactions[0].id }, { relations: ["assignments"] })
      expect(late).toMatchObject({ status: "unassigned", held_reason: "cancelled_order", held_order_id: cancelled.id })
      expect(late.assignments).toEqual([])
      expect((await loadOrder(other.id)).status).toBe("pending")

      // the operator hears of it in the admin feed, once a day however often the job runs
      for (let run = 0; run < 2; run++) {
        await sendAdminFeedNoticesWorkflow(container).run({ input: { now: "2026-12-01T10:00:00.000Z" } })
      }
      const feed = await container.resolve(Modules.NOTIFICATION).listNotifications({ channel: "feed" })
      expect(feed.map((n) => [n.template, n.data?.title])).toEqual([["admin-ui", "1 incoming payment needs a decision"]])
    })
  },
})
