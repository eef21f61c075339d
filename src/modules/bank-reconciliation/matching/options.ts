import { formatPath, optionsSchema } from "./input-schema"
import type { MatchOptions, MatchOptionsInput } from "./types"

/** Defaults for every option; README.md documents each one. */
export const DEFAULT_OPTIONS: Readonly<MatchOptions> = Object.freeze({
  autoThreshold: 0.9,
  suggestThreshold: 0.3,
  minMargin: 0.15,
  maxAlternatives: 3,
  roundingTolerance: "0.01",
  skontoMaxPercent: 3,
  skontoRates: [2, 3],
  skontoMaxDays: 14,
  underpaymentTolerancePercent: 0,
  // Foreign banks deduct fees from incoming transfers; "1.50" lets up to 1.50 short count as paid in full.
  bankFeeTolerance: "0.00",
  autoPartialPayments: false,
  autoOverpayments: false,
  maxSubsetSize: 4,
  maxSubsetItems: 16,
  maxAmountOnlyCandidates: 3,
  minBareNumberLength: 4,
  nameCandidateLimit: 50,
  // Words people put before an invoice number (compared after removing dots, upper case).
  invoiceKeywords: [
    "RE", "RG", "RECHNUNG", "RECHNUNGEN", "RECHNUNGSNR", "RECHNUNGSNUMMER", "RENR", "RGNR", "INV", "INVOICE", "INVOICES",
    "FAKTURA", "FAKTURANR", "BELEG", "BELEGNR",
  ],
  // Words people put before an order number.
  orderKeywords: [
    "BESTELLUNG", "BESTELLUNGEN", "BESTELLNR", "BESTELLNUMMER", "BEST", "ORDER", "ORDERS", "ORDERNR", "AUFTRAG",
    "AUFTRAGSNR", "AUFTRAGSNUMMER", "BESTELLUNGNR", "KAUF", "NR", "NO", "NUMMER", "NUMBER",
  ],
  // Numbers after these words are never order or invoice numbers (customer no., postal code...).
  ignoreKeywords: [
    "KD", "KDNR", "KUNDE", "KUNDENNR", "KUNDENNUMMER", "CUSTOMER", "CUST", "MITGLIED",
    "MITGLIEDSNR", "PLZ", "TEL", "TELEFON", "FAX", "USTID", "STNR", "STEUERNR", "VERTRAG",
    "VERTRAGSNR", "IBAN", "BLZ", "KONTO", "KTO", "MANDAT", "MANDATSREF", "POSTFACH", "HAUSNR",
  ],
  invoiceNumberPatterns: [],
  batchConflictGuard: true,
})

/**
 * Merges caller options over the defaults. Unknown keys (other plugin options) are ignored; a
 * known option with a wrong value throws a RangeError naming it, e.g. `options.minMargin: …`.
 */
export function resolveOptions(input?: MatchOptionsInput | Record<string, unknown> | null): MatchOptions {
  const parsed = optionsSchema.safeParse(input ?? {})
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new RangeError(`${formatPath(["options", ...issue.path])}: ${issue.message}`)
  }
  const merged: MatchOptions = { ...DEFAULT_OPTIONS }
  for (const [key, value] of Object.entries(parsed.data)) {
    if (value !== undefined && value !== null) {
      ;(merged as Record<string, unknown>)[key] = value
    }
  }
  return merged
}
