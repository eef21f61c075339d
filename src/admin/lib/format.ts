/** "DE89370400440532013000" → "DE89 3704 0044 0532 0130 00" */
export function formatIban(iban: string | null): string {
  return iban ? iban.replace(/\s+/g, "").replace(/(.{4})/g, "$1 ").trim() : "–"
}

/** A decimal amount in the shop's locale, e.g. "1.234,50 €" for de. */
export function formatMoney(amount: number | string | null, currency: string | null, locale: string): string {
  if (amount === null || amount === undefined || !currency) {
    return "–"
  }
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(Number(amount))
}

/** Totals per currency, "52,40 € · 1.200,00 $"; "–" for none. */
export function formatTotals(totals: Record<string, string>, locale: string): string {
  const entries = Object.entries(totals)
  return entries.length ? entries.map(([currency, value]) => formatMoney(value, currency.toUpperCase(), locale)).join(" · ") : "–"
}

/** "1234.5" → "1.234,50" (de) / "1,234.50" (en): two decimals, no currency sign (the sentence names it). */
export function formatAmount(value: unknown, locale: string): string {
  const number = Number(value)
  return Number.isFinite(number) ? new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(number) : String(value ?? "")
}

export function formatDateTime(value: string | null, locale: string): string {
  return value ? new Date(value).toLocaleString(locale, { dateStyle: "medium", timeStyle: "short" }) : "–"
}

export function formatDate(value: string | null, locale: string): string {
  return value ? new Date(value).toLocaleDateString(locale, { dateStyle: "medium" }) : "–"
}
