import { transactionFingerprint } from "../transaction-fingerprint"

const payment = {
  ownAccount: "DE13280001001234567890",
  counterpartIban: "DE02120300000000202051",
  bookingDate: "2026-11-11",
  amount: "129.50",
  currency: "EUR",
  endToEndReference: null,
  purpose: "Bestellnr. 1002 vielen Dank",
}

describe("transaction fingerprint", () => {
  it("is the same for a payment delivered again with other spacing, case and amount digits", () => {
    const again = { ...payment, counterpartIban: "de02 1203 0000 0000 2020 51", amount: "129.5", purpose: "  bestellnr.  1002 VIELEN dank " }
    expect(transactionFingerprint(again)).toBe(transactionFingerprint(payment))
  })

  it.each([
    ["receiving account", { ownAccount: "DE13280001001234567891" }],
    ["payer IBAN", { counterpartIban: "DE02120300000000202052" }],
    ["booking date", { bookingDate: "2026-11-12" }],
    ["amount", { amount: "129.51" }],
    ["currency", { currency: "USD" }],
    ["purpose", { purpose: "Bestellnr. 1003 vielen Dank" }],
  ])("differs when the %s differs", (_name, change) => {
    expect(transactionFingerprint({ ...payment, ...change })).not.toBe(transactionFingerprint(payment))
  })

  it("prefers the end-to-end reference over the purpose, but not SEPA's NOTPROVIDED", () => {
    const withRef = { ...payment, endToEndReference: "E2E-4711" }
    expect(transactionFingerprint({ ...withRef, purpose: "changed by the bank" })).toBe(transactionFingerprint(withRef))
    const notProvided = { ...payment, endToEndReference: "NOTPROVIDED" }
    expect(transactionFingerprint(notProvided)).toBe(transactionFingerprint(payment))
  })

  it("treats a missing payer IBAN and purpose as empty rather than failing", () => {
    expect(transactionFingerprint({ ...payment, counterpartIban: null, purpose: undefined })).toMatch(/^[0-9a-f]{64}$/)
  })
})
