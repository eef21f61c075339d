/**
 * Turns a finAPI JSON amount into a decimal string with at least two decimals, without float
 * arithmetic: `String(n)` of a parsed JSON number is the shortest text that round-trips to the
 * same double, which for finAPI's ≤2-decimal amounts is exactly the digits finAPI sent.
 * Extra decimals (e.g. FX `originalAmount`) are kept rather than rounded, so nothing is lost.
 */
export function toDecimalString(amount: number): string {
  if (!Number.isFinite(amount)) {
    // A plain error on purpose: the client has no Medusa dependency.
    throw new RangeError(`finAPI amount is not a finite number: ${amount}`)
  }
  let text = String(amount)
  if (/e/i.test(text)) {
    text = expandExponent(text)
  }
  const [whole, fraction = ""] = text.split(".")
  return `${whole}.${fraction.padEnd(2, "0")}`
}

/** Like toDecimalString, but passes null/undefined through. */
export function toOptionalDecimalString(amount: number | null | undefined): string | null {
  return amount === null || amount === undefined ? null : toDecimalString(amount)
}

// Shifts the decimal point of "d.ddde±x" by string manipulation; only reached for tiny or huge values.
function expandExponent(text: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/i.exec(text)
  if (!match) {
    // A plain error on purpose: the client has no Medusa dependency.
    throw new RangeError(`Unexpected number format: ${text}`)
  }
  const [, sign, intPart, fracPart = "", expText] = match
  const exponent = Number(expText)
  const digits = intPart + fracPart
  const pointAt = intPart.length + exponent
  if (pointAt <= 0) {
    return `${sign}0.${"0".repeat(-pointAt)}${digits}`
  }
  if (pointAt >= digits.length) {
    return `${sign}${digits}${"0".repeat(pointAt - digits.length)}`
  }
  return `${sign}${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`
}
