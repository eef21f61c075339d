import type { DecimalTransaction } from "./finapi"
import { storableJson, storableText } from "./storable-text"
import { transactionFingerprint } from "./transaction-fingerprint"

/** Why a transaction finAPI delivered is not imported as an incoming payment. */
export type FilterReason = "outgoing" | "zero_amount" | "adjusting_entry"

/** The finAPI facts of the receiving account the import needs. */
export interface ReceivingAccount {
  id: string
  iban: string | null
  currency_code: string | null
}

/**
 * Only real incoming money is imported: finAPI's `direction=income` still includes zero amounts,
 * and its synthetic "Zwischensaldo" adjusting entries are never payments (Gotcha 12). Pending
 * transactions live behind another endpoint, so everything read here is booked.
 */
export function filterReason(transaction: DecimalTransaction): FilterReason | null {
  if (transaction.isAdjustingEntry) {
    return "adjusting_entry"
  }
  if (transaction.amount.startsWith("-")) {
    return "outgoing"
  }
  return /^0+(\.0+)?$/.test(transaction.amount) ? "zero_amount" : null
}

/** The content fingerprint of a finAPI transaction received on `account`. */
export function fingerprintOf(transaction: DecimalTransaction, account: ReceivingAccount): string {
  return transactionFingerprint({
    ownAccount: account.iban || account.id,
    counterpartIban: transaction.counterpartIban,
    bookingDate: transaction.bankBookingDate,
    amount: transaction.amount,
    currency: transaction.currency || account.currency_code,
    endToEndReference: transaction.endToEndReference,
    purpose: transaction.purpose,
  })
}

/** The bank_transaction columns of an incoming finAPI transaction (amount stays a decimal string; text as Postgres can store it). */
export function bankTransactionRow(transaction: DecimalTransaction, account: ReceivingAccount, fingerprint: string) {
  return {
    account_id: account.id,
    finapi_transaction_id: String(transaction.id),
    amount: transaction.amount,
    currency_code: (transaction.currency || account.currency_code || "EUR").toLowerCase(),
    booking_date: transaction.bankBookingDate,
    value_date: transaction.valueDate ?? null,
    import_date: transaction.importDate,
    purpose: storableText(transaction.purpose) ?? null,
    counterpart_name: storableText(transaction.counterpartName) ?? null,
    counterpart_iban: storableText(transaction.counterpartIban) ?? null,
    counterpart_bic: storableText(transaction.counterpartBic) ?? null,
    end_to_end_reference: storableText(transaction.endToEndReference) ?? null,
    mandate_reference: storableText(transaction.counterpartMandateReference) ?? null,
    creditor_id: storableText(transaction.counterpartCreditorId) ?? null,
    fingerprint,
    finapi_potential_duplicate: transaction.isPotentialDuplicate,
    raw: storableJson(withoutEmptyFields(transaction)),
  }
}

/** finAPI's record as stored for reference: its null and empty-list fields say nothing and double the size. */
function withoutEmptyFields(transaction: DecimalTransaction): Record<string, unknown> {
  const kept: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(transaction)) {
    if (value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0)) {
      kept[key] = value
    }
  }
  return kept
}

export type IncomingTransactionRow = ReturnType<typeof bankTransactionRow>
