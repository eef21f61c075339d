/** Amounts in the assignment drawer are added up in integer cents, never as floats. */
export function toCents(value: string | number): number {
  const [whole, fraction = ""] = String(value).trim().replace(",", ".").split(".")
  return Number(whole || "0") * 100 + Number((fraction + "00").slice(0, 2))
}

/** 8750 → "87.50" */
export function fromCents(cents: number): string {
  const sign = cents < 0 ? "-" : ""
  const abs = Math.abs(cents)
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`
}

/** 8750 → "87,50" in German, "87.50" in English: an amount field's text in the admin's language (toCents reads both). */
export function centsInput(cents: number, locale: string): string {
  const separator = new Intl.NumberFormat(locale).format(1.5).replace(/\d/g, "") || "."
  return fromCents(cents).replace(".", separator)
}

/** A decimal the API accepts: digits with up to two decimals, comma or dot. */
export function isAmount(value: string): boolean {
  return /^\d+([.,]\d{1,2})?$/.test(value.trim())
}
