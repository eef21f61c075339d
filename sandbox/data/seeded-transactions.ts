import type { TransactionContent } from "../model"
import { PAYERS, SUPPLIERS } from "./payer-vocabulary"

/**
 * The hand-written statement every imported test-bank connection starts with: the
 * awkward cases a reconciliation plugin must survive, each exactly once, dated
 * relative to the import day so "future-dated" stays in the future.
 */
export interface SeededTransaction {
  /** Account slot in the test bank (0 Girokonto, 1 Geschäftskonto, 2 Tagesgeld). */
  slot: number
  daysAgo: number
  /** For future-dated bookings: days ahead of the import day for bankBookingDate. */
  bookedInDays?: number
  isAdjustingEntry?: boolean
  isPotentialDuplicate?: boolean
  content: Partial<TransactionContent> & { amountCents: number }
}

const [anna, juergen, hansJuergen, bjoern, guenther, loewenzahn, francoise, oezlem, kurt, katharina] = PAYERS
const [telekom, dhl, stadtwerke] = SUPPLIERS

const SEPA_CREDIT = {
  type: "Gutschrift",
  typeCodeZka: "166",
  typeCodeSwift: "NTRF",
  bankTransactionCode: "PMNT-RCDT-ESCT",
  bankTransactionCodeDescription: "SEPA Gutschrift",
}

const LONG_PURPOSE =
  "EREF+RG-2026-00417-00418 SVWZ+Sammelzahlung fuer die Bestellungen 1017, 1018 und 1019 " +
  "gemaess Ihren Rechnungen RE-2026-00417 und RE-2026-00418 abzueglich 2 Prozent Skonto " +
  "wie telefonisch mit Frau Weißhäupl vereinbart. Bitte bestaetigen Sie den Zahlungseingang " +
  "an buchhaltung@guenther-soehne.example. Kundennummer 40815 Lieferantennummer 7733 " +
  "ABWA+Günther & Söhne GmbH Niederlassung Süd"

export const SEEDED_TRANSACTIONS: readonly SeededTransaction[] = [
  { slot: 0, daysAgo: 12, content: { ...SEPA_CREDIT, amountCents: 4_999, counterpartName: anna.name, counterpartIban: anna.iban, counterpartBic: anna.bic, purpose: "EREF+20261109-ORD1001 SVWZ+Bestellung 1001 Anna Schaefer", endToEndReference: "20261109-ORD1001" } },
  { slot: 0, daysAgo: 10, content: { ...SEPA_CREDIT, amountCents: 12_950, counterpartName: juergen.name, counterpartIban: juergen.iban, counterpartBic: juergen.bic, purpose: "Bestellnr. 1002 vielen Dank" } },
  // The same payment delivered again with changed bank data: finAPI flags it, the plugin must not double-book it.
  { slot: 0, daysAgo: 10, isPotentialDuplicate: true, content: { ...SEPA_CREDIT, amountCents: 12_950, counterpartName: juergen.name, counterpartIban: juergen.iban, counterpartBic: juergen.bic, purpose: "Bestellnr. 1002 vielen Dank", primanota: "0931" } },
  { slot: 0, daysAgo: 9, content: { ...SEPA_CREDIT, amountCents: 23_800, counterpartName: hansJuergen.name, counterpartIban: hansJuergen.iban, counterpartBic: hansJuergen.bic, purpose: "RECHNUNG RE-2026-0042 KD-NR 4711 BESTELLUNG 1003" } },
  { slot: 0, daysAgo: 8, content: { ...SEPA_CREDIT, amountCents: 8_990, counterpartName: bjoern.name, counterpartIban: null, counterpartBlz: "50010517", counterpartAccountNumber: "648489890", counterpartBic: null, purpose: "Ueberweisung fuer Bestellung 1004" } },
  { slot: 0, daysAgo: 7, content: { ...SEPA_CREDIT, amountCents: 156_310, counterpartName: guenther.name, counterpartIban: guenther.iban, counterpartBic: guenther.bic, purpose: LONG_PURPOSE, endToEndReference: "RG-2026-00417-00418" } },
  { slot: 0, daysAgo: 6, content: { ...SEPA_CREDIT, amountCents: 2_500, counterpartName: loewenzahn.name, counterpartIban: loewenzahn.iban, counterpartBic: loewenzahn.bic, purpose: "EREF+NOTPROVIDED SVWZ+Teilzahlung Bestellung 1005", endToEndReference: "NOTPROVIDED" } },
  { slot: 0, daysAgo: 5, content: { ...SEPA_CREDIT, amountCents: 120_000, currency: "USD", counterpartName: "ACME CORPORATION", counterpartIban: null, counterpartAccountNumber: "000123456789", counterpartBic: "CHASUS33XXX", purpose: "INVOICE 1006 WIRE TRANSFER", type: "Auslandsüberweisung", typeCodeZka: "202", bankTransactionCode: "PMNT-RCDT-XBCT", bankTransactionCodeDescription: "Auslandsgutschrift" } },
  { slot: 0, daysAgo: 4, content: { ...SEPA_CREDIT, amountCents: 11_837, counterpartName: francoise.name, counterpartIban: francoise.iban, counterpartBic: francoise.bic, purpose: "Commande 1007", originalAmountCents: 10_000, originalCurrency: "GBP" } },
  { slot: 0, daysAgo: 3, content: { ...SEPA_CREDIT, amountCents: 6_400, counterpartName: oezlem.name, counterpartIban: oezlem.iban, counterpartBic: oezlem.bic, purpose: null } },
  { slot: 0, daysAgo: 2, content: { amountCents: -145_000, counterpartName: "Immobilien Hoffmann GbR", counterpartIban: "DE40100100100001234567", purpose: "Miete Lager Dezember", type: "Dauerauftrag", typeCodeZka: "117", typeCodeSwift: "NSTO", bankTransactionCode: "PMNT-ICDT-STDO", bankTransactionCodeDescription: "Dauerauftrag" } },
  { slot: 0, daysAgo: 2, content: { amountCents: -3_995, counterpartName: telekom.name, counterpartIban: telekom.iban, counterpartCreditorId: telekom.creditorId, counterpartMandateReference: "TK-0815-4711", purpose: telekom.purpose, type: "Lastschrift", typeCodeZka: "105", typeCodeSwift: "NDDT", bankTransactionCode: "PMNT-RDDT-ESDD", bankTransactionCodeDescription: "SEPA Lastschrift" } },
  { slot: 0, daysAgo: 1, content: { amountCents: -990, counterpartName: null, counterpartIban: null, purpose: "Kontoführungsgebühren November", type: "Abschluss", typeCodeZka: "805", typeCodeSwift: "NCHG", bankTransactionCode: "ACMT-MDOP-CHRG", bankTransactionCodeDescription: "Entgelte" } },
  // Balance gap finAPI closes with a synthetic row: never a real payment.
  { slot: 0, daysAgo: 1, isAdjustingEntry: true, content: { amountCents: 1_000, counterpartName: null, counterpartIban: null, purpose: "Zwischensaldo", type: "Zwischensaldo", typeCodeZka: "999", bankTransactionCode: null, bankTransactionCodeDescription: null } },
  // Already in the balance but booked by the bank in three days: finapiBookingDate is today.
  { slot: 0, daysAgo: 0, bookedInDays: 3, content: { ...SEPA_CREDIT, amountCents: 31_415, counterpartName: kurt.name, counterpartIban: kurt.iban, counterpartBic: kurt.bic, purpose: "EREF+20261124-ORD1008 SVWZ+Bestellung 1008", endToEndReference: "20261124-ORD1008" } },
  { slot: 1, daysAgo: 11, content: { ...SEPA_CREDIT, amountCents: 1, counterpartName: katharina.name, counterpartIban: katharina.iban, counterpartBic: katharina.bic, purpose: "Testüberweisung" } },
  { slot: 1, daysAgo: 6, content: { ...SEPA_CREDIT, amountCents: 59_900, counterpartName: katharina.name, counterpartIban: katharina.iban, counterpartBic: katharina.bic, purpose: "SVWZ+BESTELLUNG NR. 1009 VOM 15.11.2026" } },
  { slot: 1, daysAgo: 3, content: { amountCents: -2_480, counterpartName: dhl.name, counterpartIban: dhl.iban, counterpartCreditorId: dhl.creditorId, counterpartMandateReference: "DHL-553311", purpose: dhl.purpose, type: "Lastschrift", typeCodeZka: "105", typeCodeSwift: "NDDT", bankTransactionCode: "PMNT-RDDT-ESDD", bankTransactionCodeDescription: "SEPA Lastschrift" } },
  { slot: 1, daysAgo: 2, content: { amountCents: -18_430, counterpartName: stadtwerke.name, counterpartIban: stadtwerke.iban, counterpartCreditorId: stadtwerke.creditorId, counterpartMandateReference: "SWK-99-1234", purpose: stadtwerke.purpose, type: "Lastschrift", typeCodeZka: "105", typeCodeSwift: "NDDT", bankTransactionCode: "PMNT-RDDT-ESDD", bankTransactionCodeDescription: "SEPA Lastschrift" } },
  { slot: 2, daysAgo: 20, content: { amountCents: 123, counterpartName: null, counterpartIban: null, purpose: "Zinsen 3. Quartal", type: "Zinsen", typeCodeZka: "814", typeCodeSwift: "NINT", bankTransactionCode: "ACMT-MDOP-INTR", bankTransactionCodeDescription: "Zinsen" } },
  { slot: 2, daysAgo: 14, content: { amountCents: -500_000, counterpartName: "Max Mustermann", counterpartIban: null, purpose: "Umbuchung auf Girokonto", type: "Umbuchung", typeCodeZka: "116", typeCodeSwift: "NTRF", bankTransactionCode: "PMNT-ICDT-BOOK", bankTransactionCodeDescription: "Umbuchung" } },
]

/** Fills in the fields a seeded row leaves out, so every row has finAPI's complete shape. */
export function completeContent(partial: SeededTransaction["content"], date: string, bookingDate: string): TransactionContent {
  return {
    currency: "EUR",
    valueDate: bookingDate,
    bankBookingDate: bookingDate,
    finapiBookingDate: date,
    purpose: null,
    counterpartName: null,
    counterpartIban: null,
    counterpartBic: null,
    counterpartBlz: null,
    counterpartAccountNumber: null,
    counterpartBankName: null,
    counterpartMandateReference: null,
    counterpartCustomerReference: null,
    counterpartCreditorId: null,
    counterpartDebitorId: null,
    endToEndReference: null,
    type: null,
    typeCodeZka: null,
    typeCodeSwift: null,
    sepaPurposeCode: null,
    bankTransactionCode: null,
    bankTransactionCodeDescription: null,
    primanota: null,
    originalAmountCents: null,
    originalCurrency: null,
    ...partial,
  }
}
