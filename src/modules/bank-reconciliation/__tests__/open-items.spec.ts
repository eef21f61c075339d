import { derivePaymentReference, formatPaymentReference } from "../../../lib/bank-transfer/payment-reference"
import { invoiceNumberOf, knownIbansByCustomer, toOpenItem, type OrderForOpenItem } from "../open-items"

const STORED_REFERENCE = derivePaymentReference("payses_checkout")
const invoiceNumber = { source: "display_id" as const, metadataKey: "invoice_number", format: "INV-{display_id}" }

function order(overrides: Partial<OrderForOpenItem> = {}): OrderForOpenItem {
  return {
    id: "order_1",
    display_id: 1042,
    status: "pending",
    currency_code: "eur",
    email: "erika@example.com",
    created_at: "2026-11-02T09:30:00.000Z",
    total: 119,
    summary: { pending_difference: 119 },
    metadata: { payment_reference: formatPaymentReference(STORED_REFERENCE) },
    customer: { id: "cus_1", first_name: "Erika", last_name: "Mustermann", company_name: null, email: "erika@example.com" },
    ...overrides,
  }
}

describe("invoice number of an order", () => {
  it("formats the display id by default", () => {
    expect(invoiceNumberOf({ display_id: 7 }, invoiceNumber)).toBe("INV-7")
  })

  it("takes custom_display_id or a metadata key when configured, and falls back to the display id when that is empty", () => {
    expect(invoiceNumberOf({ display_id: 7, custom_display_id: "2026-0007" }, { ...invoiceNumber, source: "custom_display_id" })).toBe("2026-0007")
    expect(invoiceNumberOf({ display_id: 7, custom_display_id: null }, { ...invoiceNumber, source: "custom_display_id" })).toBe("INV-7")
    const metadata = { ...invoiceNumber, source: "metadata" as const, metadataKey: "invoice_no" }
    expect(invoiceNumberOf({ display_id: 7, metadata: { invoice_no: " R-2026-17 " } }, metadata)).toBe("R-2026-17")
    expect(invoiceNumberOf({ display_id: 7, metadata: {} }, metadata)).toBe("INV-7")
  })
})

describe("open item of an order", () => {
  it("carries outstanding, invoice number, payment reference, customer, IBANs and learned payer names as the engine reads them", () => {
    expect(toOpenItem(order(), { invoiceNumber, knownIbans: ["DE89370400440532013000"], aliases: ["E. Mustermann"] })).toEqual({
      orderId: "order_1",
      displayId: 1042,
      invoiceNumber: "INV-1042",
      paymentReference: STORED_REFERENCE,
      customerId: "cus_1",
      customerName: "Erika Mustermann",
      companyName: null,
      customerEmail: "erika@example.com",
      knownIbans: ["DE89370400440532013000"],
      aliases: ["E. Mustermann"],
      currency: "EUR",
      total: "119.00",
      outstanding: "119.00",
      createdAt: "2026-11-02",
    })
  })

  it("takes confirmed but unbooked assignments off what the order owes, exactly", () => {
    expect(toOpenItem(order({ summary: { pending_difference: 100.3 } }), { invoiceNumber, assigned: "0.1" })?.outstanding).toBe("100.20")
  })

  it("is null for canceled orders, fully paid ones and fully assigned ones", () => {
    expect(toOpenItem(order({ status: "canceled" }), { invoiceNumber })).toBeNull()
    expect(toOpenItem(order({ summary: { pending_difference: 0 } }), { invoiceNumber })).toBeNull()
    expect(toOpenItem(order({ summary: { pending_difference: -5 } }), { invoiceNumber })).toBeNull()
    expect(toOpenItem(order(), { invoiceNumber, assigned: "119.00" })).toBeNull()
  })

  it("derives a payment reference when the order has none stored, and takes names from the billing address of a guest", () => {
    const guest = order({ metadata: null, customer: null, customer_id: null, billing_address: { first_name: "Max", last_name: "Weber", company: "Weber GmbH" } })
    expect(toOpenItem(guest, { invoiceNumber })).toMatchObject({
      paymentReference: derivePaymentReference("order_1"),
      customerId: null,
      customerName: "Max Weber",
      companyName: "Weber GmbH",
    })
  })
})

describe("IBANs known for a customer", () => {
  it("normalises and de-duplicates per customer, skipping rows without customer or IBAN", () => {
    const known = knownIbansByCustomer([
      { customer_id: "cus_1", counterpart_iban: "de89 3704 0044 0532 0130 00" },
      { customer_id: "cus_1", counterpart_iban: "DE89370400440532013000" },
      { customer_id: "cus_2", counterpart_iban: "AT611904300234573201" },
      { customer_id: null, counterpart_iban: "DE02120300000000202051" },
      { customer_id: "cus_3", counterpart_iban: null },
    ])
    expect([...known]).toEqual([
      ["cus_1", ["DE89370400440532013000"]],
      ["cus_2", ["AT611904300234573201"]],
    ])
  })
})
