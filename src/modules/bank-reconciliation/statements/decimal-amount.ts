import { type Decimal } from "../../../lib/money"
import { StatementFileError } from "./types"

const DECIMAL = /^(\d{1,15})(?:\.(\d{1,5}))?$/

/** A bank's amount as a canonical decimal string ("1234.5" → "1234.50"); never a float. */
export function statementAmount(text: string, place: string): string {
  const match = DECIMAL.exec(text.trim())
  if (!match) {
    throw new StatementFileError(place, `"${text}" is not an amount`, "not_an_amount", { text })
  }
  const whole = match[1].replace(/^0+(?=\d)/, "")
  const fraction = (match[2] ?? "").replace(/0+$/, "").padEnd(2, "0")
  return `${whole}.${fraction}`
}

/** An exact sum as a warning shows it: two decimals, cut toward zero (bignumber.js ROUND_DOWN). */
export function shownAmount(value: Decimal): string {
  return value.toFixed(2, 1)
}
