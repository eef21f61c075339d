import { isValidRf } from "../../src/modules/bank-reconciliation/matching/iso11649"
import BankTransferProviderService from "../../src/providers/bank-transfer/service"

// The provider extends Medusa's AbstractPaymentProvider, so this file loads @medusajs/framework/utils
// (seconds in jest): it runs with the Medusa groups, not with the pure unit tests.

const OPTIONS = { iban: "de89 3704 0044 0532 0130 00", bic: "cobadeffxxx", accountHolder: "Kaffeerösterei GmbH" }

function provider(options: Record<string, unknown> = OPTIONS) {
  return new BankTransferProviderService({}, options)
}

describe("bank-transfer payment provider", () => {
  it("names every wrong option in one error that says where to fix it", () => {
    expect(() =>
      BankTransferProviderService.validateOptions({ iban: "DE89 3704 0044 0532 0130 01", bic: "NOPE", referencePrefix: "x" })
    ).toThrow(
      /iban is not a valid IBAN.*bic must be an 8- or 11-character BIC.*accountHolder is required.*referencePrefix must be 1 to 6.*medusa-config/
    )
    expect(() => BankTransferProviderService.validateOptions({})).toThrow(/iban is required/)
    expect(() => BankTransferProviderService.validateOptions({ ...OPTIONS, accountHolder: "x".repeat(71) })).toThrow(
      /accountHolder must be at most 70/
    )
    expect(() => BankTransferProviderService.validateOptions(OPTIONS)).not.toThrow()
  })

  it("opens a session with an RF reference derived from the session id, the shop's account and the amount as a string", async () => {
    const { id, data } = await provider().initiatePayment({
      amount: 119.5,
      currency_code: "EUR",
      data: { session_id: "payses_1" },
    })
    expect(data).toEqual({
      session_id: "payses_1",
      payment_reference: id,
      payment_reference_formatted: expect.stringMatching(/^RF\d{2} /),
      iban: "DE89370400440532013000",
      bic: "COBADEFFXXX",
      account_holder: "Kaffeerösterei GmbH",
      amount: "119.5",
      currency_code: "eur",
      received: false,
      received_at: null,
    })
    expect(isValidRf(id)).toBe(true)
    const again = await provider().initiatePayment({ amount: 1, currency_code: "eur", data: { session_id: "payses_1" } })
    expect(again.id).toBe(id)
  })

  it("ignores a storefront's attempt to mark its own session received or pick a reference", async () => {
    const { data } = await provider().initiatePayment({
      amount: "10",
      currency_code: "eur",
      data: { session_id: "payses_2", received: true, payment_reference: "RF451234512345" },
    })
    expect(data?.received).toBe(false)
    expect(data?.payment_reference).not.toBe("RF451234512345")
  })

  it("keeps the order waiting (pending_authorization) until the data says the money was received", async () => {
    const bankTransfer = provider()
    const { data } = await bankTransfer.initiatePayment({ amount: "10", currency_code: "eur", data: { session_id: "payses_3" } })
    expect((await bankTransfer.authorizePayment({ data })).status).toBe("pending_authorization")
    expect((await bankTransfer.getPaymentStatus({ data })).status).toBe("pending_authorization")

    const received = await bankTransfer.updatePayment({
      amount: "10",
      currency_code: "eur",
      data: { ...data, received: true, received_at: "2026-11-21T10:00:00.000Z" },
    })
    expect(received.data).toMatchObject({ received: true, received_at: "2026-11-21T10:00:00.000Z" })
    expect(received.data?.payment_reference).toBe(data?.payment_reference)
    expect((await bankTransfer.authorizePayment({ data: received.data })).status).toBe("authorized")
    expect((await bankTransfer.getPaymentStatus({ data: received.data })).status).toBe("authorized")
  })

  it("keeps a session's reference when the prefix option changes later", async () => {
    const { data } = await provider().initiatePayment({ amount: "10", currency_code: "eur", data: { session_id: "payses_4" } })
    const updated = await provider({ ...OPTIONS, referencePrefix: "SHOP" }).updatePayment({
      amount: "12",
      currency_code: "eur",
      data: data!,
    })
    expect(updated.data?.payment_reference).toBe(data?.payment_reference)
    expect(updated.data?.amount).toBe("12")
  })

  it("answers not_supported to webhooks and passes data through capture, refund, cancel and delete", async () => {
    const bankTransfer = provider()
    const data = { session_id: "payses_5", received: true }
    expect(await bankTransfer.getWebhookActionAndData({ data: {}, rawData: "", headers: {} })).toEqual({ action: "not_supported" })
    expect(await bankTransfer.capturePayment({ data })).toEqual({ data })
    expect(await bankTransfer.refundPayment({ data, amount: 1 })).toEqual({ data })
    expect(await bankTransfer.cancelPayment({ data })).toEqual({ data })
    expect(await bankTransfer.deletePayment({ data })).toEqual({ data })
    expect(await bankTransfer.retrievePayment({ data })).toEqual({ data })
  })
})
