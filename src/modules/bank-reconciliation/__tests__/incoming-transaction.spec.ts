import type { DecimalTransaction } from "../finapi"
import { bankTransactionRow, filterReason, fingerprintOf } from "../incoming-transaction"

const transaction = (over: Partial<DecimalTransaction> = {}) =>
  ({
    id: 900123,
    accountId: 2001,
    valueDate: "2026-11-10",
    bankBookingDate: "2026-11-10",
    finapiBookingDate: "2026-11-10",
    amount: "49.99",
    currency: "EUR",
    purpose: "Bestellung 1001",
    counterpartName: "Anna Schäfer",
    counterpartIban: "DE02120300000000202051",
    isPotentialDuplicate: false,
    isAdjustingEntry: false,
    isNew: true,
    importDate: "2026-11-10T06:12:44.512+0100",
    endToEndReference: "E2E-1",
    compensationAmount: null,
    originalAmount: null,
    feeAmount: null,
    ...over,
  }) as DecimalTransaction

const account = { id: "bacc_1", iban: "DE13280001001234567890", currency_code: "EUR" }

describe("incoming transaction", () => {
  it("imports real incoming money only", () => {
    expect(filterReason(transaction())).toBeNull()
    expect(filterReason(transaction({ amount: "0.01" }))).toBeNull()
    expect(filterReason(transaction({ amount: "-39.95" }))).toBe("outgoing")
    expect(filterReason(transaction({ amount: "0.00" }))).toBe("zero_amount")
    expect(filterReason(transaction({ amount: "10.00", isAdjustingEntry: true, purpose: "Zwischensaldo" }))).toBe("adjusting_entry")
  })

  it("keeps the amount a decimal string and falls back to the account currency", () => {
    const row = bankTransactionRow(transaction({ amount: "1563.10", currency: null }), account, "fp")
    expect(row).toMatchObject({ amount: "1563.10", currency_code: "eur", finapi_transaction_id: "900123", booking_date: "2026-11-10" })
    expect(row.raw).toMatchObject({ id: 900123, amount: "1563.10", isAdjustingEntry: false })
    expect(row.raw).not.toHaveProperty("currency")
  })

  it("fingerprints by the receiving account's IBAN, so a reconnected account recognises its payments", () => {
    const reconnected = { ...account, id: "bacc_2" }
    expect(fingerprintOf(transaction({ id: 5 }), reconnected)).toBe(fingerprintOf(transaction(), account))
    expect(fingerprintOf(transaction(), { ...account, iban: null })).not.toBe(fingerprintOf(transaction(), { ...reconnected, iban: null }))
  })
})
