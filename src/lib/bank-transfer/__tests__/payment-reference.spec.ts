import { isValidRf } from "../../../modules/bank-reconciliation/matching/iso11649"
import { matchTransactions } from "../../../modules/bank-reconciliation/matching"
import {
  compactPaymentReference,
  derivePaymentReference,
  describeReferencePrefixProblem,
  formatPaymentReference,
  isValidPaymentReference,
} from "../payment-reference"

describe("payment references (ISO 11649 RF)", () => {
  it("derives the same reference from the same id, every time", () => {
    const first = derivePaymentReference("payses_01JABCDEF0123456789XYZ")
    expect(derivePaymentReference("payses_01JABCDEF0123456789XYZ")).toBe(first)
    expect(first).toMatch(/^RF\d{2}[0-9A-Z]{12}$/)
  })

  it("derives references that the matching engine's RF verifier accepts", () => {
    for (let i = 0; i < 500; i++) {
      const reference = derivePaymentReference(`order_${i}`)
      expect(isValidRf(reference)).toBe(true)
      expect(isValidRf(formatPaymentReference(reference))).toBe(true)
      expect(isValidPaymentReference(reference)).toBe(true)
    }
  })

  it("gives 10 000 different ids 10 000 different references", () => {
    const references = new Set<string>()
    for (let i = 0; i < 10_000; i++) {
      references.add(derivePaymentReference(`cart_01J${i.toString(36).padStart(8, "0")}`))
    }
    expect(references.size).toBe(10_000)
  })

  it("avoids letters that customers confuse with digits (I, L, O, U)", () => {
    for (let i = 0; i < 500; i++) {
      expect(derivePaymentReference(`payses_${i}`).slice(4)).toMatch(/^[^ILOU]+$/)
    }
  })

  it("puts a shop prefix in front of the digest and stays within six groups of four", () => {
    const reference = derivePaymentReference("order_1", "SHOP1")
    expect(reference.slice(4, 9)).toBe("SHOP1")
    expect(isValidRf(reference)).toBe(true)
    expect(derivePaymentReference("order_1", "ABCDEF").length).toBeLessThanOrEqual(24)
  })

  it("refuses prefixes that are not 1 to 6 capital letters or digits, and an empty id", () => {
    expect(() => derivePaymentReference("order_1", "shop")).toThrow(/capital letters or digits/)
    expect(() => derivePaymentReference("order_1", "TOOLONG1")).toThrow(/1 to 6/)
    expect(() => derivePaymentReference("")).toThrow(/needs the id/)
    expect(describeReferencePrefixProblem("AB-1")).not.toBeNull()
    expect(describeReferencePrefixProblem("AB1")).toBeNull()
  })

  it("prints references in groups of four and compacts them back", () => {
    expect(formatPaymentReference("RF451234512345")).toBe("RF45 1234 5123 45")
    expect(compactPaymentReference("rf45 1234-5123 45")).toBe("RF451234512345")
  })

  it("rejects a reference with one mistyped character", () => {
    const reference = derivePaymentReference("order_42")
    const last = reference.at(-1) === "0" ? "1" : "0"
    expect(isValidPaymentReference(reference.slice(0, -1) + last)).toBe(false)
  })

  it.each(["", "ABCDEF"])("lets the matching engine pay the right order when the reference (prefix '%s') is written in groups in the purpose", (prefix) => {
    const reference = derivePaymentReference("payses_01JXYZ", prefix)
    const { results } = matchTransactions({
      transactions: [
        { id: "tx1", amount: "119.00", currency: "EUR", purpose: `SVWZ+${formatPaymentReference(reference)} Danke` },
      ],
      openItems: [
        { orderId: "order_a", paymentReference: reference, currency: "EUR", outstanding: "119.00" },
        { orderId: "order_b", paymentReference: derivePaymentReference("payses_other"), currency: "EUR", outstanding: "119.00" },
      ],
    })
    expect(results[0].allocations).toEqual([{ orderId: "order_a", amount: "119.00" }])
    expect(results[0].reasons.map((reason) => reason.signal)).toContain("payment_reference")
  })
})
