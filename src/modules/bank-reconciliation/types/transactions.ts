/** One row for insertImportedTransactions; money as a decimal string, dates as ISO strings. */
export type ImportedTransactionInsert = {
  id: string
  account_id: string
  finapi_transaction_id: string
  amount: string
  currency_code: string
  booking_date: string
  value_date: string | null
  import_date: string | null
  purpose: string | null
  counterpart_name: string | null
  counterpart_iban: string | null
  counterpart_bic: string | null
  end_to_end_reference: string | null
  mandate_reference: string | null
  creditor_id: string | null
  fingerprint: string
  is_potential_duplicate: boolean
  duplicate_of_id: string | null
  sync_run_id: string
  raw: unknown
  /** Statement-file rows only: "file", their "<fingerprint>#<n>" and the file's extra references. */
  source?: "file"
  dedupe_key?: string
  creditor_reference?: string | null
  bank_reference?: string | null
}

/** The bank_transaction columns an import writes, each with its SQL type: the one list the insert is built from. */
export const IMPORTED_TRANSACTION_COLUMNS = {
  id: "text",
  account_id: "text",
  finapi_transaction_id: "text",
  amount: "text",
  currency_code: "text",
  booking_date: "timestamptz",
  value_date: "timestamptz",
  import_date: "timestamptz",
  purpose: "text",
  counterpart_name: "text",
  counterpart_iban: "text",
  counterpart_bic: "text",
  end_to_end_reference: "text",
  mandate_reference: "text",
  creditor_id: "text",
  fingerprint: "text",
  is_potential_duplicate: "boolean",
  duplicate_of_id: "text",
  sync_run_id: "text",
  raw: "jsonb",
  source: "text",
  dedupe_key: "text",
  creditor_reference: "text",
  bank_reference: "text",
} as const satisfies Record<keyof ImportedTransactionInsert, string>

/** The bank_transaction columns the matching engine reads besides id and amount (see BankTransactionInput). */
export const MATCHING_TRANSACTION_COLUMNS = [
  "currency_code",
  "booking_date",
  "value_date",
  "purpose",
  "counterpart_name",
  "counterpart_iban",
  "counterpart_bic",
  "end_to_end_reference",
  "mandate_reference",
  "creditor_id",
] as const satisfies readonly (keyof ImportedTransactionInsert)[]

/** A row an import stored: its id and whether it was held as a potential duplicate. */
export type StoredTransaction = { id: string; is_potential_duplicate: boolean }

/** A transaction's status and ignore reason before setTransactionIgnored (and the event it wrote). */
export type IgnoreState = { status: string; ignore_reason: string | null; event_id?: string }
