import { decimal } from "../../../lib/money"

/**
 * Turns a finAPI JSON amount into a decimal string with at least two decimals, without float
 * arithmetic: lib/money reads a number by its `String(n)`, the shortest text that round-trips to the
 * same double, which for finAPI's ≤2-decimal amounts is exactly the digits finAPI sent. Extra decimals
 * (e.g. FX `originalAmount`) are kept rather than rounded, so nothing is lost; never exponent notation.
 */
export function toDecimalString(amount: number): string {
  if (!Number.isFinite(amount)) {
    // A plain error on purpose: the client has no Medusa dependency.
    throw new RangeError(`finAPI amount is not a finite number: ${amount}`)
  }
  const value = decimal(amount)
  return value.toFixed(Math.max(2, value.decimalPlaces() ?? 0))
}

/** Like toDecimalString, but passes null/undefined through. */
export function toOptionalDecimalString(amount: number | null | undefined): string | null {
  return amount === null || amount === undefined ? null : toDecimalString(amount)
}
