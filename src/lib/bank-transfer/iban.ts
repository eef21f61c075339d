/** IBAN and BIC checks for the shop's own account (ISO 13616 mod-97, ISO 9362 shape). */

const IBAN_SHAPE = /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/
const BIC_SHAPE = /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/

/** The electronic form: upper case, no spaces ("DE89370400440532013000"). */
export function electronicIban(value: string): string {
  return value.toUpperCase().replace(/\s+/g, "")
}

/** Prints an IBAN in groups of four, as on a bank statement: "DE89 3704 0044 0532 0130 00". */
export function formatIban(value: string): string {
  return electronicIban(value).replace(/(.{4})(?=.)/g, "$1 ")
}

/** True when the IBAN has a valid shape and its check digits verify (mod 97 = 1); spaces and case ignored. */
export function isValidIban(value: string): boolean {
  const iban = electronicIban(value)
  if (!IBAN_SHAPE.test(iban)) {
    return false
  }
  let remainder = 0
  for (const char of iban.slice(4) + iban.slice(0, 4)) {
    const digits = /[A-Z]/.test(char) ? String(char.charCodeAt(0) - 55) : char
    for (const digit of digits) {
      remainder = (remainder * 10 + Number(digit)) % 97
    }
  }
  return remainder === 1
}

/** True for an 8- or 11-character BIC ("COBADEFFXXX"); spaces and case ignored. */
export function isValidBic(value: string): boolean {
  return BIC_SHAPE.test(electronicIban(value))
}
