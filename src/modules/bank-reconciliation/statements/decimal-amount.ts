import { StatementFileError } from "./types"

const DECIMAL = /^(\d{1,15})(?:\.(\d{1,5}))?$/

/** A bank's amount as a canonical decimal string ("1234.5" → "1234.50"); never a float. */
export function statementAmount(text: string, place: string): string {
  const match = DECIMAL.exec(text.trim())
  if (!match) {
    throw new StatementFileError(place, `"${text}" is not an amount`)
  }
  const whole = match[1].replace(/^0+(?=\d)/, "")
  const fraction = (match[2] ?? "").replace(/0+$/, "").padEnd(2, "0")
  return `${whole}.${fraction}`
}

/** The amount in units of 10^-5, for exact sums (balance checks). */
export function amountUnits(amount: string): bigint {
  const [whole, fraction = ""] = amount.split(".")
  return BigInt(whole) * 100_000n + BigInt(fraction.padEnd(5, "0"))
}

export function unitsToAmount(units: bigint): string {
  const sign = units < 0n ? "-" : ""
  const abs = units < 0n ? -units : units
  return `${sign}${abs / 100_000n}.${(abs % 100_000n).toString().padStart(5, "0").slice(0, 2)}`
}
