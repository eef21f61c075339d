import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner, TestEventUtils } from "@medusajs/test-utils"
import { capturePaymentWorkflow, getOrderDetailWorkflow } from "@medusajs/medusa/core-flows"
import { isValidRf } from "../../src/modules/bank-reconciliation/matching/iso11649"
import { derivePaymentReference } from "../../src/lib/bank-transfer/payment-reference"
import BankTransferProviderService from "../../src/providers/bank-transfer/service"
import { authorizeBankTransferPaymentWorkflow } from "../../src/workflows/checkout/authorize-bank-transfer-payment"
import { storeOrderPaymentReferenceWorkflow } from "../../src/workflows/checkout/store-order-payment-reference"
import { BANK_TRANSFER_PROVIDER_ID } from "../__fixtures__/bank-transfer-options"
import { createStoreCustomer } from "../__fixtures__/customer"
import { createUnpaidOrder } from "../__fixtures__/order"
import { createBankTransferStorefront, placeOrder, startCheckout } from "../__fixtures__/store-checkout"

jest.setTimeout(180_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let shop: Awaited<ReturnType<typeof createBankTransferStorefront>>
    let erika: { headers: Record<string, string>; customerId: string }

    async function customer(email: string) {
      const created = await createStoreCustomer(container, { email })
      return {
        customerId: created.customer.id,
        headers: { ...created.headers, "x-publishable-api-key": shop.publishableKey },
      }
    }

    async function checkout(headers = erika.headers, extra: { sessionData?: Record<string, unknown>; providerId?: string } = {}) {
      return startCheckout(api, { headers, regionId: shop.region.id, variantId: shop.variantId, ...extra })
    }

    /** Places the order and waits until the order.placed subscribers (payment reference) are done. */
    async function placeOrderAndWait(cartId: string, headers = erika.headers) {
      const subscribers = TestEventUtils.waitSubscribersExecution("order.placed", container.resolve(Modules.EVENT_BUS))
      const order = await placeOrder(api, cartId, headers)
      await subscribers
      return order
    }

    async function orderState(orderId: string) {
      const { result } = await getOrderDetailWorkflow(container).run({
        input: {
          order_id: orderId,
          fields: ["id", "total", "metadata", "payment_status", "summary.*", "payment_collections.payment_sessions.*"],
        },
      })
      return result
    }

    beforeEach(async () => {
      container = getContainer()
      shop = await createBankTransferStorefront(container)
      erika = await customer("erika@example.com")
    })

    it("places the order with the bank-transfer session waiting for the money: pending_authorization, collection awaiting, order not paid", async () => {
      const { cart, session } = await checkout()
      expect(session.provider_id).toBe(BANK_TRANSFER_PROVIDER_ID)

      const order = await placeOrderAndWait(cart.id)

      const placed = await orderState(order.id)
      const collection = placed.payment_collections![0]!
      expect(collection.status).toBe("awaiting")
      expect(collection.payment_sessions![0]!.status).toBe("pending_authorization")
      expect(placed.payment_status).toBe("awaiting")
      expect(Number(placed.summary!.paid_total)).toBe(0)
      expect(Number(placed.total)).toBe(119)
    })

    it("gives the session data and the order the same valid RF reference, shown at checkout", async () => {
      const { cart, session } = await checkout()
      const reference = session.data.payment_reference
      expect(isValidRf(reference)).toBe(true)
      expect(session.data).toMatchObject({
        iban: "DE89370400440532013000",
        bic: "COBADEFFXXX",
        account_holder: "Kaffeerösterei Beispiel GmbH",
        amount: "119",
        currency_code: "eur",
        received: false,
      })

      const order = await placeOrderAndWait(cart.id)

      const placed = await orderState(order.id)
      expect(placed.metadata?.payment_reference).toBe(reference)
      expect(placed.payment_collections![0]!.payment_sessions![0]!.data!.payment_reference).toBe(reference)
    })

    it("shows the cart's bank-transfer instructions with the EPC QR payload", async () => {
      const { cart, session } = await checkout()

      const { data } = await api.get(`/store/carts/${cart.id}/bank-transfer`, { headers: erika.headers })

      expect(data.bank_transfer).toEqual({
        payment_session_id: session.id,
        provider_id: BANK_TRANSFER_PROVIDER_ID,
        account_holder: "Kaffeerösterei Beispiel GmbH",
        iban: "DE89370400440532013000",
        iban_formatted: "DE89 3704 0044 0532 0130 00",
        bic: "COBADEFFXXX",
        amount: "119.00",
        currency_code: "eur",
        payment_reference: session.data.payment_reference,
        payment_reference_formatted: session.data.payment_reference_formatted,
        epc_qr_payload: [
          "BCD",
          "002",
          "1",
          "SCT",
          "COBADEFFXXX",
          "Kaffeerösterei Beispiel GmbH",
          "DE89370400440532013000",
          "EUR119.00",
          "",
          session.data.payment_reference,
        ].join("\n"),
        epc_qr_svg: expect.stringMatching(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" [^]*<\/svg>$/),
        epc_qr_png: expect.stringMatching(/^data:image\/png;base64,/),
      })
    })

    it("answers 404 with what to do for a cart without a bank-transfer session", async () => {
      const { data } = await api.post(
        "/store/carts",
        { region_id: shop.region.id, items: [{ variant_id: shop.variantId, quantity: 1 }] },
        { headers: erika.headers }
      )
      const response = await api.get(`/store/carts/${data.cart.id}/bank-transfer`, { headers: erika.headers }).catch((e) => e.response)
      expect(response.status).toBe(404)
      expect(response.data.message).toMatch(/no bank-transfer payment session; create one with POST \/store\/payment-collections/)
    })

    it("shows the customer their own order's instructions and payment state, and nobody else", async () => {
      const { cart, session } = await checkout()
      const order = await placeOrderAndWait(cart.id)

      const { data } = await api.get(`/store/orders/${order.id}/bank-transfer`, { headers: erika.headers })
      expect(data.bank_transfer).toMatchObject({
        amount: "119.00",
        payment_reference: session.data.payment_reference,
        iban_formatted: "DE89 3704 0044 0532 0130 00",
      })
      expect(data.bank_transfer.epc_qr_payload).toContain("\nEUR119.00\n")
      expect(data.payment).toEqual({
        order_id: order.id,
        display_id: order.display_id,
        payment_status: "awaiting",
        currency_code: "eur",
        total: "119.00",
        paid_amount: "0.00",
        outstanding_amount: "119.00",
      })

      const max = await customer("max@example.com")
      const otherCustomer = await api.get(`/store/orders/${order.id}/bank-transfer`, { headers: max.headers }).catch((e) => e.response)
      expect(otherCustomer.status).toBe(404)
      const anonymous = await api
        .get(`/store/orders/${order.id}/bank-transfer`, { headers: { "x-publishable-api-key": shop.publishableKey } })
        .catch((e) => e.response)
      expect(anonymous.status).toBe(404)
    })

    it("shows a guest the instructions (GiroCode also as PNG) when the order's e-mail is given, and 404 otherwise", async () => {
      const guest = { "x-publishable-api-key": shop.publishableKey }
      const { cart } = await startCheckout(api, { headers: guest, regionId: shop.region.id, variantId: shop.variantId, email: "gast@example.com" })
      const order = await placeOrderAndWait(cart.id, guest)
      const ask = (query: string) => api.get(`/store/orders/${order.id}/bank-transfer${query}`, { headers: guest }).catch((e) => e.response)

      const right = await ask("?email=%20Gast@Example.com")
      expect(right.status).toBe(200)
      expect(right.data.bank_transfer).toMatchObject({ amount: "119.00", epc_qr_png: expect.stringMatching(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/) })
      expect(right.data.payment).toMatchObject({ order_id: order.id, outstanding_amount: "119.00" })

      const wrong = await ask("?email=gast@example.org")
      const none = await ask("")
      const unknown = await api.get(`/store/orders/order_01NOTANORDER0000000000000/bank-transfer?email=gast@example.com`, { headers: guest }).catch((e) => e.response)
      for (const response of [wrong, none, unknown]) {
        expect(response.status).toBe(404)
        expect(response.data).not.toHaveProperty("bank_transfer")
      }
      expect(wrong.data.message.replace(order.id, "X")).toBe(unknown.data.message.replace("order_01NOTANORDER0000000000000", "X"))
    })

    it("gives two carts different references and ignores a storefront's attempt to set one or mark itself received", async () => {
      const first = await checkout()
      const max = await customer("max@example.com")
      const second = await checkout(max.headers, {
        sessionData: { received: true, payment_reference: first.session.data.payment_reference },
      })

      expect(second.session.data.payment_reference).not.toBe(first.session.data.payment_reference)
      expect(isValidRf(second.session.data.payment_reference)).toBe(true)
      expect(second.session.data.received).toBe(false)

      const order = await placeOrderAndWait(second.cart.id, max.headers)
      expect((await orderState(order.id)).payment_collections![0]!.payment_sessions![0]!.status).toBe("pending_authorization")
    })

    it("gives an order paid another way a reference derived from the order, and has no transfer instructions for it", async () => {
      const { cart } = await checkout(erika.headers, { providerId: "pp_system_default" })
      const order = await placeOrderAndWait(cart.id)

      expect((await orderState(order.id)).metadata?.payment_reference).toBe(derivePaymentReference(order.id))
      const response = await api.get(`/store/orders/${order.id}/bank-transfer`, { headers: erika.headers }).catch((e) => e.response)
      expect(response.status).toBe(404)
      expect(response.data.message).toBe(`Order ${order.id} is not paid by bank transfer`)
    })

    it("never changes a payment reference already stored on an order", async () => {
      const { order } = await createUnpaidOrder(container, { region_id: shop.region.id })
      const orderModule = container.resolve(Modules.ORDER)
      await orderModule.updateOrders(order.id, { metadata: { payment_reference: "RF45 1234 5123 45", note: "kept" } })

      const { result } = await storeOrderPaymentReferenceWorkflow(container).run({ input: { order_id: order.id } })

      expect(result.payment_reference).toBe("RF451234512345")
      expect((await orderState(order.id)).metadata).toEqual({ payment_reference: "RF45 1234 5123 45", note: "kept" })
    })

    it("refuses to start with invalid provider options and names the field", async () => {
      expect(() => BankTransferProviderService.validateOptions({ iban: "DE00 1234", accountHolder: "Shop" })).toThrow(
        /iban is not a valid IBAN/
      )
      expect(() =>
        BankTransferProviderService.validateOptions({ iban: "DE89370400440532013000", accountHolder: "" })
      ).toThrow(/accountHolder must not be empty/)
    })

    it("lets booking authorize the waiting session and capture a partial payment, then the rest, until the order is captured", async () => {
      const { cart, session } = await checkout()
      const order = await placeOrderAndWait(cart.id)

      const first = await authorizeBankTransferPaymentWorkflow(container).run({
        input: { payment_session_id: session.id, received_at: "2026-11-21T09:00:00.000Z" },
      })
      const paymentId = first.result.payment_id
      expect(paymentId).toMatch(/^pay_/)
      await capturePaymentWorkflow(container).run({ input: { payment_id: paymentId, amount: 50 } })

      const partially = await api.get(`/store/orders/${order.id}/bank-transfer`, { headers: erika.headers })
      expect(partially.data.payment).toMatchObject({
        payment_status: "partially_captured",
        paid_amount: "50.00",
        outstanding_amount: "69.00",
      })
      expect(partially.data.bank_transfer.amount).toBe("69.00")

      const second = await authorizeBankTransferPaymentWorkflow(container).run({ input: { payment_session_id: session.id } })
      expect(second.result.payment_id).toBe(paymentId)
      await capturePaymentWorkflow(container).run({ input: { payment_id: paymentId, amount: 69 } })

      const paid = await orderState(order.id)
      expect(paid.payment_status).toBe("captured")
      const sessionAfter = paid.payment_collections![0]!.payment_sessions![0]!
      expect(sessionAfter.status).toBe("authorized")
      expect(sessionAfter.data).toMatchObject({
        received: true,
        received_at: "2026-11-21T09:00:00.000Z",
        payment_reference: session.data.payment_reference,
      })
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [payment],
      } = await query.graph({ entity: "payment", fields: ["id", "data", "captured_at"], filters: { id: paymentId } })
      expect(payment.data?.payment_reference).toBe(session.data.payment_reference)
      expect(payment.captured_at).toBeTruthy()

      const done = await api.get(`/store/orders/${order.id}/bank-transfer`, { headers: erika.headers })
      expect(done.data.payment).toMatchObject({ payment_status: "captured", paid_amount: "119.00", outstanding_amount: "0.00" })
      expect(done.data.bank_transfer.epc_qr_payload).toBeNull()
    })
  },
})
