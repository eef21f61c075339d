import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner, TestEventUtils } from "@medusajs/test-utils"
import { getOrderDetailWorkflow } from "@medusajs/medusa/core-flows"
import { BANK_RECONCILIATION_MODULE } from "../../src/modules/bank-reconciliation"
import type BankReconciliationModuleService from "../../src/modules/bank-reconciliation/service"
import bookAutoAssignmentsJob from "../../src/jobs/book-auto-assignments"
import { bookAssignmentWorkflow, PAYMENT_BOOKED_EVENT } from "../../src/workflows/booking/book-assignment"
import { bookAssignments } from "../../src/workflows/booking/book-assignments"
import { createAdminUser } from "../__fixtures__/admin-user"
import { createStoreCustomer } from "../__fixtures__/customer"
import { createUnpaidOrder } from "../__fixtures__/order"
import { createBankTransferStorefront, placeOrder, startCheckout } from "../__fixtures__/store-checkout"

jest.setTimeout(300_000)

const BASE = "/admin/bank-reconciliation"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let service: BankReconciliationModuleService
    let admin: Record<string, string>
    let shop: Awaited<ReturnType<typeof createBankTransferStorefront>>
    let customer: { headers: Record<string, string>; id: string }
    let accountId: string

    beforeEach(async () => {
      container = getContainer()
      service = container.resolve(BANK_RECONCILIATION_MODULE)
      admin = (await createAdminUser(container)).headers
      shop = await createBankTransferStorefront(container)
      const created = await createStoreCustomer(container, { email: "erika@example.com" })
      customer = { id: created.customer.id, headers: { ...created.headers, "x-publishable-api-key": shop.publishableKey } }
      accountId = await bankAccount()
    })

    async function bankAccount() {
      const bankInterface = await service.createBankInterfaces({ name: "Hausbank" })
      const connection = await service.createBankConnections({ interface_id: bankInterface.id, label: "Sparkasse", finapi_bank_connection_id: "4711", status: "active" })
      const account = await service.createBankAccounts({ connection_id: connection.id, finapi_account_id: "1001", iban: "DE89370400440532013000", currency_code: "EUR" })
      return account.id
    }

    /** A storefront order: bank transfer unless another provider is named; 2 × 59.50 = 119 EUR. */
    async function checkoutOrder(providerId?: string) {
      const { cart } = await startCheckout(api, { headers: customer.headers, regionId: shop.region.id, variantId: shop.variantId, providerId })
      const subscribers = TestEventUtils.waitSubscribersExecution("order.placed", container.resolve(Modules.EVENT_BUS))
      const order = await placeOrder(api, cart.id, customer.headers)
      await subscribers
      return order as { id: string; display_id: number }
    }

    /** An incoming payment of `amount` with one confirmed assignment of `assigned` (default: all of it) to the order. */
    async function confirmedPayment(orderId: string, amount: string, assigned = amount, source: "auto" | "manual" = "manual") {
      const [transaction] = await service.createBankTransactions([
        {
          account_id: accountId,
          finapi_transaction_id: `T-${Math.random().toString(36).slice(2)}`,
          amount,
          currency_code: "EUR",
          booking_date: new Date("2026-11-20T00:00:00Z"),
          purpose: "Bestellung",
          counterpart_name: "Erika Mustermann",
          fingerprint: `fp-${Math.random()}`,
        },
      ])
      const assignment = await service.createPaymentAssignments({
        transaction_id: transaction.id,
        order_id: orderId,
        customer_id: customer.id,
        amount: assigned,
        currency_code: "eur",
        source,
        status: "confirmed",
        confirmed_at: new Date(),
      })
      await service.refreshTransactionStatuses([transaction.id])
      return { transactionId: transaction.id, assignmentId: assignment.id }
    }

    const book = async (ids: string[]) => (await api.post(`${BASE}/bookings`, { assignment_ids: ids }, { headers: admin })).data

    async function orderPayments(orderId: string) {
      const { result } = await getOrderDetailWorkflow(container).run({
        input: { order_id: orderId, fields: ["id", "payment_status", "summary.*", "payment_collections.status", "payment_collections.payments.captures.*"] },
      })
      const captures = result.payment_collections!.flatMap((c) => c!.payments!.flatMap((p) => p!.captures ?? []))
      return { status: result.payment_status, captures: captures.map((c) => Number(c!.amount)) }
    }

    const widget = async (orderId: string) => (await api.get(`${BASE}/orders/${orderId}/bank-payments`, { headers: admin })).data.bank_payments
    const transaction = (id: string) => service.retrieveBankTransaction(id)
    const assignment = (id: string) => service.retrievePaymentAssignment(id)

    it("captures a placed bank-transfer order in full when its payment is booked, and records the booking", async () => {
      const eventBus = container.resolve(Modules.EVENT_BUS)
      const emitted = jest.spyOn(eventBus, "emit")
      const order = await checkoutOrder()
      const paid = await confirmedPayment(order.id, "119")

      const response = await book([paid.assignmentId])

      expect(response.results).toEqual([expect.objectContaining({ assignment_id: paid.assignmentId, status: "booked", mode: "bank_transfer", amount: "119.00", surplus: "0.00" })])
      expect(await orderPayments(order.id)).toEqual({ status: "captured", captures: [119] })
      const booked = await assignment(paid.assignmentId)
      expect(booked).toMatchObject({ status: "booked", booking_error: null, payment_id: expect.stringMatching(/^pay_/), capture_id: expect.stringMatching(/^capt_/) })
      expect(booked.booked_at).toBeTruthy()
      expect(await transaction(paid.transactionId)).toMatchObject({ status: "booked", booked_amount: 119 })
      const events = emitted.mock.calls.flatMap(([messages]) => (Array.isArray(messages) ? messages : [messages]))
      expect(events).toContainEqual(expect.objectContaining({ name: PAYMENT_BOOKED_EVENT, data: expect.objectContaining({ id: paid.assignmentId, capture_id: booked.capture_id }) }))
    })

    it("captures a partial payment partially, shows the rest outstanding, and a second payment completes the order", async () => {
      const order = await checkoutOrder()
      const first = await confirmedPayment(order.id, "50")

      await book([first.assignmentId])

      expect(await orderPayments(order.id)).toEqual({ status: "partially_captured", captures: [50] })
      expect(await widget(order.id)).toMatchObject({ paid_by_bank_transfer: "50.00", outstanding: "69.00", total: "119.00" })
      expect(await transaction(first.transactionId)).toMatchObject({ status: "booked", booked_amount: 50 })

      const second = await confirmedPayment(order.id, "69")
      const response = await book([second.assignmentId])

      expect(response.results[0]).toMatchObject({ status: "booked", mode: "capture_authorized", amount: "69.00" })
      expect(await orderPayments(order.id)).toEqual({ status: "captured", captures: expect.arrayContaining([50, 69]) })
      const view = await widget(order.id)
      expect(view).toMatchObject({ paid_by_bank_transfer: "119.00", outstanding: "0.00" })
      expect(view.assignments.map((a: { status: string }) => a.status)).toEqual(["booked", "booked"])
      expect(view.payment_reference).toMatch(/^RF/)
    })

    it("captures only what is owed from an overpayment and leaves the surplus unassigned on the bank transaction", async () => {
      const order = await checkoutOrder()
      const paid = await confirmedPayment(order.id, "150")

      const response = await book([paid.assignmentId])

      expect(response.results[0]).toMatchObject({ status: "booked", amount: "119.00", surplus: "31.00" })
      expect(await orderPayments(order.id)).toEqual({ status: "captured", captures: [119] })
      expect(await assignment(paid.assignmentId)).toMatchObject({ status: "booked", amount: 119, metadata: { booking: { assigned_amount: "150.00", surplus: "31.00" } } })
      const stored = await transaction(paid.transactionId)
      expect(stored).toMatchObject({ amount: 150, assigned_amount: 119, booked_amount: 119, status: "partially_booked" })
    })

    it("marks a system-provider order's not_paid collection paid for an exact full payment", async () => {
      const { order } = await createUnpaidOrder(container, { region_id: shop.region.id, customer_id: customer.id })
      const paid = await confirmedPayment(order.id, "119")

      const response = await book([paid.assignmentId])

      expect(response.results[0]).toMatchObject({ status: "booked", mode: "mark_paid", amount: "119.00" })
      expect(await orderPayments(order.id)).toEqual({ status: "captured", captures: [119] })
      expect(await assignment(paid.assignmentId)).toMatchObject({ status: "booked", capture_id: expect.stringMatching(/^capt_/) })
    })

    it("books a partial payment on a not_paid collection through a system-provider session, then the rest on the same payment", async () => {
      const { order } = await createUnpaidOrder(container, { region_id: shop.region.id, customer_id: customer.id })
      const first = await confirmedPayment(order.id, "19")
      expect((await book([first.assignmentId])).results[0]).toMatchObject({ status: "booked", mode: "system_session", amount: "19.00" })
      expect(await orderPayments(order.id)).toEqual({ status: "partially_captured", captures: [19] })

      const rest = await confirmedPayment(order.id, "100")
      expect((await book([rest.assignmentId])).results[0]).toMatchObject({ status: "booked", mode: "capture_authorized" })
      expect(await orderPayments(order.id)).toEqual({ status: "captured", captures: expect.arrayContaining([19, 100]) })
    })

    it("captures an authorized payment from another provider", async () => {
      const order = await checkoutOrder("pp_system_default")
      const paid = await confirmedPayment(order.id, "119")

      expect((await book([paid.assignmentId])).results[0]).toMatchObject({ status: "booked", mode: "capture_authorized" })
      expect(await orderPayments(order.id)).toEqual({ status: "captured", captures: [119] })
    })

    it("captures once when the same assignment is booked twice", async () => {
      const order = await checkoutOrder()
      const paid = await confirmedPayment(order.id, "50")

      await book([paid.assignmentId])
      const again = await book([paid.assignmentId])

      expect(again.results[0]).toMatchObject({ status: "booked", already_booked: true })
      expect(await orderPayments(order.id)).toEqual({ status: "partially_captured", captures: [50] })
      expect(await transaction(paid.transactionId)).toMatchObject({ booked_amount: 50 })
    })

    it("captures once when two workers book the same assignment at the same moment", async () => {
      const order = await checkoutOrder()
      const paid = await confirmedPayment(order.id, "50")

      const [viaRoute, viaWorker] = await Promise.all([book([paid.assignmentId]), bookAssignments(container, [paid.assignmentId])])

      expect([viaRoute.results[0].status, viaWorker[0].status]).toEqual(["booked", "booked"])
      expect(await orderPayments(order.id)).toEqual({ status: "partially_captured", captures: [50] })
      expect(await transaction(paid.transactionId)).toMatchObject({ booked_amount: 50, status: "booked" })
    })

    it("leaves the assignment unbooked with the reason when the capture fails, nothing half-written, and books it on retry", async () => {
      const order = await checkoutOrder("pp_system_default")
      const paid = await confirmedPayment(order.id, "119")
      const payments = container.resolve(Modules.PAYMENT)
      const capture = jest.spyOn(payments, "capturePayment").mockRejectedValueOnce(new Error("The payment provider is not reachable; try again later."))

      const response = await book([paid.assignmentId])

      expect(response.results).toEqual([{ assignment_id: paid.assignmentId, status: "failed", reason: "The payment provider is not reachable; try again later." }])
      expect(await orderPayments(order.id)).toEqual({ status: "authorized", captures: [] })
      expect(await assignment(paid.assignmentId)).toMatchObject({ status: "confirmed", booking_error: "The payment provider is not reachable; try again later.", capture_id: null, booked_at: null })
      expect(await transaction(paid.transactionId)).toMatchObject({ status: "assigned", booked_amount: 0 })
      capture.mockRestore()

      expect((await book([paid.assignmentId])).results[0]).toMatchObject({ status: "booked" })
      expect(await orderPayments(order.id)).toEqual({ status: "captured", captures: [119] })
      expect(await assignment(paid.assignmentId)).toMatchObject({ booking_error: null })
    })

    it("puts a not_paid collection and a waiting bank-transfer session back as they were when the capture fails, and books both on retry", async () => {
      const { order: unpaid } = await createUnpaidOrder(container, { region_id: shop.region.id, customer_id: customer.id })
      const bankTransfer = await checkoutOrder()
      const lines = [await confirmedPayment(unpaid.id, "119"), await confirmedPayment(bankTransfer.id, "119")]
      const collectionOf = async (orderId: string) => {
        const { result } = await getOrderDetailWorkflow(container).run({
          input: { order_id: orderId, fields: ["id", "payment_collections.status", "payment_collections.authorized_amount", "payment_collections.captured_amount", "payment_collections.payment_sessions.status", "payment_collections.payment_sessions.provider_id", "payment_collections.payment_sessions.data", "payment_collections.payments.canceled_at"] },
        })
        const collection = result.payment_collections![0]!
        return {
          status: collection.status,
          authorized: Number(collection.authorized_amount ?? 0),
          captured: Number(collection.captured_amount ?? 0),
          sessions: (collection.payment_sessions ?? []).map((s) => `${s!.provider_id}:${s!.status}${s!.data?.received ? ":received" : ""}`),
          livePayments: (collection.payments ?? []).filter((p) => !p!.canceled_at).length,
        }
      }
      const before = [await collectionOf(unpaid.id), await collectionOf(bankTransfer.id)]
      expect(before[0]).toMatchObject({ status: "not_paid", authorized: 0, livePayments: 0 })
      expect(before[1]).toMatchObject({ status: "awaiting", sessions: ["pp_bank-transfer_bank-transfer:pending_authorization"], livePayments: 0 })
      const payments = container.resolve(Modules.PAYMENT)
      const capture = jest.spyOn(payments, "capturePayment").mockRejectedValue(new Error("The payment provider is not reachable; try again later."))

      const failed = await book(lines.map((l) => l.assignmentId))

      expect(failed.results.map((r: { status: string }) => r.status)).toEqual(["failed", "failed"])
      expect([await collectionOf(unpaid.id), await collectionOf(bankTransfer.id)]).toEqual(before)
      for (const line of lines) {
        expect(await assignment(line.assignmentId)).toMatchObject({ status: "confirmed", booking_error: "The payment provider is not reachable; try again later.", capture_id: null })
      }
      capture.mockRestore()

      const retried = await book(lines.map((l) => l.assignmentId))
      expect(retried.results.map((r: { status: string }) => r.status)).toEqual(["booked", "booked"])
      expect(await orderPayments(unpaid.id)).toEqual({ status: "captured", captures: [119] })
      expect(await orderPayments(bankTransfer.id)).toEqual({ status: "captured", captures: [119] })
    })

    it("lists confirmed unbooked payments grouped by customer with totals, and refuses an unconfirmed one with what to do", async () => {
      const first = await checkoutOrder()
      const second = await checkoutOrder()
      await confirmedPayment(first.id, "119")
      await confirmedPayment(second.id, "50")

      const { data } = await api.get(`${BASE}/bookings?group_by=customer`, { headers: admin })

      expect(data.totals).toEqual({ eur: "169.00" })
      expect(data.groups).toHaveLength(1)
      expect(data.groups[0]).toMatchObject({ customer_name: "Erika Mustermann", count: 2, totals: { eur: "169.00" } })
      expect(data.bookings.map((b: { order_display_id: number }) => b.order_display_id).sort()).toEqual([first.display_id, second.display_id].sort())

      const proposal = await confirmedPayment(first.id, "10")
      await service.updatePaymentAssignments({ id: proposal.assignmentId, status: "proposed" })
      const refused = await book([proposal.assignmentId])
      expect(refused.results[0]).toMatchObject({ status: "failed", reason: expect.stringMatching(/not confirmed; confirm it/) })
      const invalid = await api.post(`${BASE}/bookings`, { assignment_ids: [] }, { headers: admin }).catch((e) => e.response)
      expect(invalid.status).toBe(400)
    })

    it("books automatic assignments from the scheduled job only when sync.autoBook is on, and leaves manual ones to the operator", async () => {
      const order = await checkoutOrder()
      const auto = await confirmedPayment(order.id, "50", "50", "auto")
      const manual = await confirmedPayment(order.id, "20")

      await bookAutoAssignmentsJob(container)
      expect(await assignment(auto.assignmentId)).toMatchObject({ status: "confirmed" })

      const options = await service.getOptions()
      jest.spyOn(service, "getOptions").mockResolvedValue({ ...options, sync: { ...options.sync, autoBook: true } })
      await bookAutoAssignmentsJob(container)

      expect(await assignment(auto.assignmentId)).toMatchObject({ status: "booked" })
      expect(await assignment(manual.assignmentId)).toMatchObject({ status: "confirmed" })
      expect(await orderPayments(order.id)).toEqual({ status: "partially_captured", captures: [50] })
    })
  
    describe("exactly once at the database", () => {
      /** Every lock granted at once, as with two instances on in-process locking or a lock that lapsed. */
      function locksThatDoNotHold() {
        const locking = container.resolve(Modules.LOCKING)
        return [jest.spyOn(locking, "acquire").mockResolvedValue(undefined as never), jest.spyOn(locking, "release").mockResolvedValue(true as never)]
      }

      it("captures once when two runs book the same assignment at the same moment and no lock holds", async () => {
        const order = await checkoutOrder("pp_system_default")
        const paid = await confirmedPayment(order.id, "50")
        const spies = locksThatDoNotHold()
        const run = (transactionId: string) =>
          bookAssignmentWorkflow(container).run({ input: { assignment_id: paid.assignmentId }, context: { transactionId }, throwOnError: false })

        const runs = await Promise.all([run("instance-a"), run("instance-b"), run("instance-c")])
        spies.forEach((spy) => spy.mockRestore())

        expect(runs.filter((r) => !r.errors?.length && r.result && !r.result.already_booked)).toHaveLength(1)
        expect(await orderPayments(order.id)).toEqual({ status: "partially_captured", captures: [50] })
        expect(await assignment(paid.assignmentId)).toMatchObject({ status: "booked", booking_claim: null })
        expect(await transaction(paid.transactionId)).toMatchObject({ booked_amount: 50, status: "booked" })
      })

      it("records a capture whose recording failed on the next run instead of capturing again", async () => {
        const order = await checkoutOrder("pp_system_default")
        const paid = await confirmedPayment(order.id, "50")
        const record = jest.spyOn(service, "recordAssignmentBookings").mockRejectedValueOnce(new Error("Connection terminated unexpectedly"))

        expect((await book([paid.assignmentId])).results[0]).toMatchObject({ status: "failed" })
        record.mockRestore()
        expect(await orderPayments(order.id)).toEqual({ status: "partially_captured", captures: [50] })
        expect(await assignment(paid.assignmentId)).toMatchObject({ status: "booking" })

        expect((await book([paid.assignmentId])).results[0]).toMatchObject({ status: "booked" })
        expect(await orderPayments(order.id)).toEqual({ status: "partially_captured", captures: [50] })
        const booked = await assignment(paid.assignmentId)
        expect(booked).toMatchObject({ status: "booked", booking_claim: null, capture_id: expect.stringMatching(/^capt_/) })
        expect(await transaction(paid.transactionId)).toMatchObject({ booked_amount: 50, status: "booked" })
        expect(await widget(order.id)).toMatchObject({ paid_by_bank_transfer: "50.00", outstanding: "69.00" })
      })

      it("finishes a booking whose run died after claiming it, and leaves a live claim to its run", async () => {
        const order = await checkoutOrder()
        const dead = await confirmedPayment(order.id, "50")
        const live = await confirmedPayment(order.id, "20")
        const db = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
        await db("payment_assignment").where({ id: dead.assignmentId }).update({ status: "booking", booking_claim: "run-that-died", booking_claimed_at: new Date(Date.now() - 3_600_000) })
        await db("payment_assignment").where({ id: live.assignmentId }).update({ status: "booking", booking_claim: "run-still-going", booking_claimed_at: new Date() })

        // the scheduled job finishes stale claims even with sync.autoBook off
        await bookAutoAssignmentsJob(container)

        expect(await assignment(dead.assignmentId)).toMatchObject({ status: "booked", booking_claim: null })
        expect(await orderPayments(order.id)).toEqual({ status: "partially_captured", captures: [50] })
        const second = await book([live.assignmentId])
        expect(second.results[0]).toMatchObject({ status: "failed", reason: expect.stringMatching(/being booked right now/) })
        expect(await assignment(live.assignmentId)).toMatchObject({ status: "booking", booking_claim: "run-still-going", booking_error: null })
        expect(await orderPayments(order.id)).toEqual({ status: "partially_captured", captures: [50] })
      })

      it("captures once when a run's claim goes stale while its capture is still running and another run takes it over", async () => {
        const order = await checkoutOrder("pp_system_default")
        const paid = await confirmedPayment(order.id, "50")
        const spies = locksThatDoNotHold()
        const run = (transactionId: string) =>
          bookAssignmentWorkflow(container).run({ input: { assignment_id: paid.assignmentId }, context: { transactionId }, throwOnError: false })
        // the first run's capture hangs (a slow provider, a stalled process) until the test lets it go on
        const payments = container.resolve(Modules.PAYMENT)
        const capturePayment = payments.capturePayment.bind(payments)
        let reached!: () => void
        let letGo!: () => void
        const atCapture = new Promise<void>((resolve) => (reached = resolve))
        const held = new Promise<void>((resolve) => (letGo = resolve))
        const slow = jest.spyOn(payments, "capturePayment").mockImplementationOnce(async (...args) => {
          reached()
          await held
          return capturePayment(...args)
        })

        const first = run("slow-run")
        await atCapture
        // its claim is now older than booking.staleClaimSeconds: another run may take it over
        const options = await service.getOptions()
        const stale = jest.spyOn(service, "getOptions").mockResolvedValue({ ...options, booking: { ...options.booking, staleClaimSeconds: 0 } })
        const second = run("takeover")
        await new Promise((resolve) => setTimeout(resolve, 1_500))
        letGo()
        const runs = await Promise.all([first, second])
        ;[...spies, slow, stale].forEach((spy) => spy.mockRestore())

        expect(runs.filter((r) => !r.errors?.length && r.result)).not.toHaveLength(0)
        expect(await orderPayments(order.id)).toEqual({ status: "partially_captured", captures: [50] })
        expect(await assignment(paid.assignmentId)).toMatchObject({ status: "booked", booking_claim: null, capture_id: expect.stringMatching(/^capt_/) })
        expect(await transaction(paid.transactionId)).toMatchObject({ booked_amount: 50, status: "booked" })
        expect(await widget(order.id)).toMatchObject({ paid_by_bank_transfer: "50.00", outstanding: "69.00" })
      })
    })

    describe("capture only what represents this money", () => {
      it("refuses to capture an authorization of a provider that is not capturable, says why on the booking screen, and auto-book leaves it alone", async () => {
        const options = await service.getOptions()
        jest.spyOn(service, "getOptions").mockResolvedValue({ ...options, sync: { ...options.sync, autoBook: true }, booking: { ...options.booking, capturableProviders: ["pp_bank-transfer"] } })
        const card = await checkoutOrder("pp_system_default")
        const manual = await confirmedPayment(card.id, "119")
        const auto = await confirmedPayment(card.id, "119", "119", "auto")
        const reason = `Order #${card.display_id} is authorized by system (pp_system_default); cancel that authorization or refund the transfer.`

        expect((await book([manual.assignmentId])).results[0]).toEqual({ assignment_id: manual.assignmentId, status: "failed", reason })
        await bookAutoAssignmentsJob(container)

        expect(await orderPayments(card.id)).toEqual({ status: "authorized", captures: [] })
        for (const id of [manual.assignmentId, auto.assignmentId]) {
          expect(await assignment(id)).toMatchObject({ status: "confirmed", booking_error: reason, capture_id: null })
        }
        const { data } = await api.get(`${BASE}/bookings`, { headers: admin })
        expect(data.bookings.map((b: { booking_error: string }) => b.booking_error)).toEqual([reason, reason])
      })
    })

    describe("amounts with more than two decimals", () => {
      it("books a payment of 119.005 in full: captures 119.00, keeps the exact amount, the payment is fully booked", async () => {
        const order = await checkoutOrder()
        const paid = await confirmedPayment(order.id, "119.005")

        expect((await book([paid.assignmentId])).results[0]).toMatchObject({ status: "booked", amount: "119.00", surplus: "0.00" })

        expect(await orderPayments(order.id)).toEqual({ status: "captured", captures: [119] })
        expect(await assignment(paid.assignmentId)).toMatchObject({ status: "booked", amount: 119.005 })
        expect(await transaction(paid.transactionId)).toMatchObject({ status: "booked", booked_amount: 119.005 })
      })

      it("books two payments of 59.505 and 59.495 into one 119 order: order captured, both payments fully booked", async () => {
        const order = await checkoutOrder()
        const lines = [await confirmedPayment(order.id, "59.505"), await confirmedPayment(order.id, "59.495")]

        for (const line of lines) {
          expect((await book([line.assignmentId])).results[0]).toMatchObject({ status: "booked" })
        }

        const paid = await orderPayments(order.id)
        expect(paid.status).toBe("captured")
        expect(paid.captures.reduce((a, b) => a + b * 100, 0)).toBe(11900)
        for (const line of lines) {
          expect(await transaction(line.transactionId)).toMatchObject({ status: "booked" })
        }
      })
    })
  },
})
