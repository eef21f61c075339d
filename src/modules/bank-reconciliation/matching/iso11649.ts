/** ISO 11649 "RF" creditor references: normalisation, check digits, creation. */

const RF_SHAPE = /^RF\d{2}[A-Z0-9]{1,21}$/

/** Upper-cases and removes everything but letters and digits (spaces, hyphens, dots...). */
export function compactReference(value: string): string {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i)
    if (!((code >= 48 && code <= 57) || (code >= 65 && code <= 90))) {
      return value.toUpperCase().replace(/[^A-Z0-9]/g, "")
    }
  }
  return value // already compact: no copy
}

/** Folds one character (0-9, A-Z read as 10..35) into a running mod 97, digit by digit. */
function foldMod97(remainder: number, code: number): number {
  if (code >= 65) {
    const value = code - 55 // two digits
    return (remainder * 100 + value) % 97
  }
  return (remainder * 10 + (code - 48)) % 97
}

/** mod 97 of the text read as digits (A=10 … Z=35), starting at `from` and wrapping around. */
export function mod97(text: string, from = 0): number {
  let remainder = 0
  for (let k = 0; k < text.length; k++) {
    remainder = foldMod97(remainder, text.charCodeAt((from + k) % text.length))
  }
  return remainder
}

/** True only for a well-formed RF reference whose check digits verify (spacing/case ignored). */
export function isValidRf(value: string): boolean {
  return isValidCompactRf(compactReference(value))
}

/** Like isValidRf for text already compacted (upper case, letters and digits only). */
export function isValidCompactRf(compact: string): boolean {
  // The check moves the first four characters to the end; reading from index 4 with wrap-around does that.
  return RF_SHAPE.test(compact) && mod97(compact, 4) === 1
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
