import { daysBetween, formatCents, looksTransposed, parseCents, relateAmount, type AmountContext } from "../amounts"
import { findExactSubsets } from "../subset-sum"

const ctx: AmountContext = { roundingCents: 1, skontoMaxPercent: 3, skontoRates: [2, 3], skontoMaxDays: 14, underpaymentTolerancePercent: 0, bankFeeCents: 0, daysSinceOrder: 5 }

describe("money in integer cents", () => {
  it("parses decimal strings without floats", () => {
    expect(parseCents("119.00")).toBe(11900)
    expect(parseCents("0.1")).toBe(10)
    expect(parseCents("0.29")).toBe(29)
    expect(parseCents("999999999.99")).toBe(99_999_999_999)
    for (const bad of ["", "1,00", "-1.00", "1.234", "1e3", " 1.00", "1.", ".5"]) {
      expect(parseCents(bad)).toBeNull()
    }
  })

  it("formats cents with two decimals", () => {
    expect([formatCents(11900), formatCents(5), formatCents(0), formatCents(101)]).toEqual(["119.00", "0.05", "0.00", "1.01"])
  })
})

describe("amount relations", () => {
  it.each([
    [10000, 10000, "exact"],
    [500, 499, "rounding"],
    [9800, 10000, "skonto"],
    [97000, 100000, "skonto"],
    [9900, 10000, "partial"],
    [9500, 10000, "partial"],
    [4000, 10000, "partial"],
    [101000, 100000, "overpayment"],
  ])("%i paid for %i is %s", (paid, owed, kind) => {
    expect(relateAmount(paid, owed, ctx).kind).toBe(kind)
  })

  it("gives no Skonto after the discount period", () => {
    expect(relateAmount(9800, 10000, { ...ctx, daysSinceOrder: 20 }).kind).toBe("partial")
  })

  it("applies a configured underpayment tolerance", () => {
    expect(relateAmount(99000, 100000, { ...ctx, underpaymentTolerancePercent: 1 }).kind).toBe("tolerance")
    expect(relateAmount(98990, 100000, { ...ctx, underpaymentTolerancePercent: 1 }).kind).toBe("partial")
  })

  it("counts a shortfall up to the bank-fee tolerance as a fee, and only when the option is set", () => {
    expect(relateAmount(11750, 11900, { ...ctx, bankFeeCents: 150 })).toEqual({ kind: "bank_fee", shortCents: 150 })
    expect(relateAmount(11749, 11900, { ...ctx, bankFeeCents: 150 }).kind).toBe("partial")
    expect(relateAmount(11750, 11900, ctx).kind).toBe("partial")
  })

  it("spots transposed digits", () => {
    expect(relateAmount(124300, 123400, ctx)).toEqual({ kind: "overpayment", surplusCents: 900 })
    expect(looksTransposed(124300, 123400)).toBe(true)
    expect(looksTransposed(124400, 123400)).toBe(false)
  })

  it("counts days between ISO dates", () => {
    expect(daysBetween("2026-10-30", "2026-11-04")).toBe(5)
    expect(daysBetween(null, "2026-11-04")).toBeNull()
  })
})

describe("bounded subset sum", () => {
  it("finds exact combinations of two to maxSize values", () => {
    expect(findExactSubsets([100, 200, 300], 300, 4, 5)).toEqual([[0, 1]])
    expect(findExactSubsets([100, 200, 300], 250, 4, 5)).toEqual([])
    expect(findExactSubsets([100, 200, 300, 400], 1000, 3, 5)).toEqual([])
    expect(findExactSubsets([100, 200, 300, 400], 1000, 4, 5)).toEqual([[0, 1, 2, 3]])
  })

  it("stops after maxResults", () => {
    expect(findExactSubsets([1, 1, 1, 1, 1, 1], 2, 2, 3)).toHaveLength(3)
  })
})
