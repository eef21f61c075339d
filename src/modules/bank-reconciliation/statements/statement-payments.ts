import type { ImportedTransactionInsert } from "../types"
import { transactionFingerprint } from "../transaction-fingerprint"
import type { ReceivingAccount } from "../incoming-transaction"
import type { StatementEntry } from "./types"

/** Why an entry of a statement file is not imported as an incoming payment. */
export type LeftOutReason = "debit" | "reversal" | "not_booked"

export type LeftOut = Partial<Record<LeftOutReason, number>>

/**
 * The entries that are incoming payments: booked credits that are no reversal (a reversed debit is
 * money coming back, not a payment). Counts the rest by reason.
 */
export function incomingEntries(entries: StatementEntry[], leftOut: LeftOut): StatementEntry[] {
  const incoming: StatementEntry[] = []
  for (const entry of entries) {
    const reason: LeftOutReason | null = entry.reversal
      ? "reversal"
      : entry.direction === "debit"
        ? "debit"
        : entry.status !== "BOOK"
          ? "not_booked"
          : null
    if (reason) {
      leftOut[reason] = (leftOut[reason] ?? 0) + 1
    } else {
      incoming.push(entry)
    }
  }
  return incoming
}

/** The same content fingerprint the finAPI import computes, so one payment from both sources is one. */
export function entryFingerprint(entry: StatementEntry, account: ReceivingAccount): string {
  return transactionFingerprint({
    ownAccount: account.iban || account.id,
    counterpartIban: entry.debtor_iban,
    bookingDate: entry.booking_date,
    amount: entry.amount,
    currency: entry.currency,
    endToEndReference: entry.end_to_end_reference,
    purpose: entry.remittance_text,
  })
}

/**
 * The bank_transaction rows of a statement's incoming payments. Each carries "<fingerprint>#<n>",
 * n counting equal payments within the statement, as its dedupe key and file id: the same file, an
 * overlapping file or finAPI bringing the payment again finds it taken. A second equal payment is
 * held for review, as the finAPI import holds one.
 */
export function statementPaymentRows(input: {
  entries: StatementEntry[]
  account: ReceivingAccount
  syncRunId: string
  ids: string[]
  fileName: string
}): ImportedTransactionInsert[] {
  const seen = new Map<string, number>()
  return input.entries.map((entry, i) => {
    const fingerprint = entryFingerprint(entry, input.account)
    const occurrence = (seen.get(fingerprint) ?? 0) + 1
    seen.set(fingerprint, occurrence)
    const dedupeKey = `${fingerprint}#${occurrence}`
    const purpose = [entry.remittance_text, entry.creditor_reference && !entry.remittance_text?.includes(entry.creditor_reference) ? entry.creditor_reference : null]
    return {
      id: input.ids[i],
      account_id: input.account.id,
      finapi_transaction_id: `file:${dedupeKey}`,
      amount: entry.amount,
      currency_code: entry.currency.toLowerCase(),
      booking_date: `${entry.booking_date}T00:00:00.000Z`,
      value_date: entry.value_date ? `${entry.value_date}T00:00:00.000Z` : null,
      import_date: null,
      // matching reads the purpose: a structured RF reference the text does not repeat is added to it
      purpose: purpose.filter(Boolean).join(" ") || null,
      counterpart_name: entry.debtor_name,
      counterpart_iban: entry.debtor_iban,
      counterpart_bic: entry.debtor_bic,
      end_to_end_reference: entry.end_to_end_reference,
      mandate_reference: entry.mandate_reference,
      creditor_id: entry.creditor_id,
      fingerprint,
      is_potential_duplicate: occurrence > 1,
      duplicate_of_id: null,
      sync_run_id: input.syncRunId,
      raw: { file: input.fileName, ...withoutNulls(entry) },
      source: "file",
      dedupe_key: dedupeKey,
      creditor_reference: entry.creditor_reference,
      bank_reference: entry.bank_reference,
    }
  })
}

function withoutNulls(entry: StatementEntry): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entry).filter(([, value]) => value !== null && value !== ""))
}
