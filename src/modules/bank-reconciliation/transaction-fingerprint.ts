import { createHash } from "crypto"

/** What identifies a payment by its content, whatever id finAPI gives it. */
export interface FingerprintInput {
  /** The receiving account: its IBAN, or our account id when the bank gives none. */
  ownAccount: string
  counterpartIban: string | null | undefined
  bookingDate: string
  /** Decimal string, e.g. "49.90". */
  amount: string
  currency: string | null | undefined
  endToEndReference: string | null | undefined
  purpose: string | null | undefined
}

// SEPA's placeholder when the payer gave no end-to-end reference: it identifies nothing.
const NO_REFERENCE = "NOTPROVIDED"

/**
 * A sha256 over the payment's content (receiving account, payer IBAN, booking date, amount,
 * currency, end-to-end reference or else purpose), normalised so that a transaction finAPI
 * delivers again under a new id (after a reconnect, or with changed bank data) gets the same value.
 */
export function transactionFingerprint(input: FingerprintInput): string {
  const reference = normaliseText(input.endToEndReference)
  const usableReference = reference && reference !== NO_REFERENCE.toLowerCase() ? `e2e:${reference}` : null
  const parts = [
    compact(input.ownAccount),
    compact(input.counterpartIban),
    input.bookingDate,
    normaliseAmount(input.amount),
    (input.currency ?? "").toUpperCase(),
    usableReference ?? `purpose:${normaliseText(input.purpose)}`,
  ]
  return createHash("sha256").update(parts.join("|")).digest("hex")
}

function compact(value: string | null | undefined): string {
  return (value ?? "").replace(/\s+/g, "").toUpperCase()
}

function normaliseText(value: string | null | undefined): string {
  return (value ?? "").replace(/\s+/g, " ").trim().toLowerCase()
}

/** "49.9", "49.90" and "049.900" are the same amount. */
function normaliseAmount(amount: string): string {
  const [whole, fraction = ""] = amount.trim().split(".")
  const digits = whole.replace(/^(-?)0+(?=\d)/, "$1")
  const cents = fraction.replace(/0+$/, "").padEnd(2, "0")
  return `${digits}.${cents}`
}
