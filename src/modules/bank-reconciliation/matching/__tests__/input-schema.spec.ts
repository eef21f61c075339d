import { parseMatchInput } from "../input-schema"
import { matchTransactions } from "../index"

const valid = {
  transactions: [{ id: "t-1", amount: "119.00", currency: "EUR", purpose: null }],
  openItems: [{ orderId: "o_1", currency: "EUR", outstanding: "119.00", knownIbans: [] }],
}

function errorFor(mutate: (input: any) => void): string | null {
  const input = structuredClone(valid) as any
  mutate(input)
  const parsed = parseMatchInput(input)
  return parsed.ok ? null : parsed.error
}

describe("input validation", () => {
  it("accepts the contract's shape with nulls and absent optional fields", () => {
    expect(errorFor(() => undefined)).toBeNull()
  })

  it.each([
    [(i: any) => (i.transactions[0].amount = 119), "transactions[0].amount: expected a decimal string"],
    [(i: any) => (i.transactions[0].amount = "119.001"), "transactions[0].amount: expected a decimal string"],
    [(i: any) => (i.transactions[0].amount = "0.00"), "transactions[0].amount: expected an amount greater than 0"],
    [(i: any) => delete i.transactions[0].currency, "transactions[0].currency: is required"],
    [(i: any) => (i.transactions[0].bookingDate = "02.11.2026"), "transactions[0].bookingDate: expected a date YYYY-MM-DD"],
    [(i: any) => (i.openItems[0].outstanding = "-1.00"), "openItems[0].outstanding: expected a decimal string"],
    [(i: any) => (i.openItems[0].displayId = "1042"), "openItems[0].displayId: expected an integer"],
    [(i: any) => i.openItems.push({ ...i.openItems[0] }), "openItems[1].orderId: duplicate orderId o_1"],
    [(i: any) => (i.options = { autoThreshold: 2 }), "options.autoThreshold: Too big: expected number to be <=1"],
    [(i: any) => (i.options = { invoiceNumberPatterns: ["(["] }), "options.invoiceNumberPatterns[0]: expected a valid regular expression"],
    [(i: any) => delete i.openItems, "openItems: expected an array"],
  ])("names the offending field (%#)", (mutate, message) => {
    expect(errorFor(mutate)).toBe(message)
  })

  it("drops options it does not know, such as other plugin options", () => {
    const parsed = parseMatchInput({ ...valid, options: { finapiClientId: "x", minMargin: 0.2 } })
    expect(parsed.ok && parsed.input.options).toEqual({ minMargin: 0.2 })
  })

  it("reports a non-object input", () => {
    expect(parseMatchInput([])).toEqual({ ok: false, error: "input: expected an object with transactions and openItems" })
  })

  it("throws a RangeError naming a bad option passed straight to matchTransactions", () => {
    expect(() => matchTransactions({ ...valid, options: { minMargin: -1, finapi: { clientId: "x" } } as never })).toThrow("options.minMargin:")
  })
})
