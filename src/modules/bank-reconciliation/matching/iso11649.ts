/** ISO 11649 "RF" creditor references: normalisation, check digits, creation. */

const RF_SHAPE = /^RF\d{2}[A-Z0-9]{1,21}$/

/** Upper-cases and removes everything but letters and digits (spaces, hyphens, dots...). */
export function compactReference(value: string): string {
  return value.toUpperCase().replace(/[^A-Z0-9]/g, "")
}

/** mod 97 of the reference read as digits (A=10 … Z=35), computed in chunks to stay exact. */
function mod97(text: string): number {
  let remainder = 0
  for (const char of text) {
    const code = char.charCodeAt(0)
    const value = code >= 65 ? String(code - 55) : char
    for (const digit of value) {
      remainder = (remainder * 10 + Number(digit)) % 97
    }
  }
  return remainder
}

/** True only for a well-formed RF reference whose check digits verify (spacing/case ignored). */
export function isValidRf(value: string): boolean {
  const compact = compactReference(value)
  if (!RF_SHAPE.test(compact)) {
    return false
  }
  return mod97(compact.slice(4) + compact.slice(0, 4)) === 1
}

/** True when the text has the shape of an RF reference, valid or not. */
export function looksLikeRf(value: string): boolean {
  return RF_SHAPE.test(compactReference(value))
}

/** Builds the RF reference for a creditor reference body (1–21 letters/digits). */
export function createRf(body: string): string {
  const compact = compactReference(body)
  if (compact.length < 1 || compact.length > 21) {
    throw new RangeError("An RF reference body has 1 to 21 letters or digits")
  }
  const check = 98 - mod97(`${compact}RF00`)
  return `RF${check < 10 ? "0" : ""}${check}${compact}`
}
