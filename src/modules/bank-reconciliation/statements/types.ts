/**
 * The statement formats the plugin reads: camt.052 (account report), camt.053 (statement) and camt.054
 * (notification) of any version .001.01 to .001.13 (the elements read have kept their place since
 * .02; .08 added the party wrappers), and MT940.
 */
export type StatementFormat = `camt.05${"2" | "3" | "4"}.001.${string}` | "mt940"

/** One transaction of a statement, as the bank reported it (a batch entry yields one per transaction). */
export interface StatementEntry {
  /** Positive decimal string with a dot, e.g. "49.90". */
  amount: string
  /** ISO 4217, upper case. */
  currency: string
  direction: "credit" | "debit"
  /** BOOK, or what else the bank said (PDNG, INFO; MT940 only reports booked entries). */
  status: string
  /** The bank's reversal indicator (CAMT RvslInd, MT940 RC/RD). */
  reversal: boolean
  /** YYYY-MM-DD */
  booking_date: string
  value_date: string | null
  end_to_end_reference: string | null
  /** Structured creditor reference, e.g. an ISO 11649 RF reference. */
  creditor_reference: string | null
  remittance_text: string | null
  debtor_name: string | null
  debtor_iban: string | null
  debtor_bic: string | null
  ultimate_debtor: string | null
  mandate_reference: string | null
  creditor_id: string | null
  /** The account servicer's reference of the entry or transaction. */
  bank_reference: string | null
  /** German business transaction code (GVC) or the ISO bank transaction code. */
  transaction_code: string | null
  /** Where in the file the entry is, for messages: "Stmt 1, Ntry 3, TxDtls 2" or "line 14". */
  place: string
}

/** One account's statement (or notification) within a file. */
export interface Statement {
  /** The account's IBAN; for MT940 derived from BLZ/account number when the bank gives no IBAN. */
  iban: string | null
  /** What the file names the account by, for messages. */
  account_label: string
  currency: string
  statement_id: string | null
  entries: StatementEntry[]
  place: string
}

export interface StatementFile {
  format: StatementFormat
  statements: Statement[]
  /**
   * What the reader noticed but read anyway, naming the place: balances that do not add up, a batch
   * whose transactions do not add up to its entry (imported as one payment).
   */
  warnings: StatementWarning[]
}

export const STATEMENT_WARNING_CODES = ["not_utf8", "balance_mismatch", "batch_without_amount", "batch_sum_mismatch"] as const

/** A file read anyway, but with something the operator should look at: a code and params the admin translates, the English message with the place. */
export type StatementWarning = { code: (typeof STATEMENT_WARNING_CODES)[number]; place: string; params: StatementErrorParams; message: string }

export function statementWarning(place: string, reason: string, code: StatementWarning["code"], params: StatementErrorParams = {}): StatementWarning {
  return { code, place, params, message: place ? `${place}: ${reason}` : reason }
}

/**
 * Why a statement file is refused, as a stable code the admin translates (with the error's params);
 * the English reason stays the message for API clients and the CLI.
 */
export const STATEMENT_ERROR_CODES = [
  "file_too_large",
  "unknown_format",
  "unsupported_encoding",
  "zip_empty",
  "zip_damaged",
  "zip_encrypted",
  "zip_cut_off",
  "zip_too_large",
  "zip_unsupported_method",
  "xml_cut_off",
  "xml_malformed",
  "camt_no_document",
  "camt_unsupported_namespace",
  "camt_no_statement",
  "camt_account_without_id",
  "camt_no_booking_date",
  "amount_without_currency",
  "amount_currency_mismatch",
  "not_credit_or_debit",
  "not_an_amount",
  "not_a_date",
  "mt940_field_before_statement",
  "mt940_no_statement",
  "mt940_missing_field",
  "mt940_bad_statement_line",
  "mt940_bad_balance",
  // the file was read, but its account cannot take it (resolve-statement-accounts)
  "account_without_iban",
  "unknown_account",
  "account_currency_mismatch",
] as const

export type StatementErrorCode = (typeof STATEMENT_ERROR_CODES)[number]

export type StatementErrorParams = Record<string, string | number>

/** A file that cannot be read: names the place so an operator can look at it. */
export class StatementFileError extends Error {
  constructor(
    readonly place: string,
    readonly reason: string,
    readonly code: StatementErrorCode,
    readonly params: StatementErrorParams = {}
  ) {
    super(place ? `${place}: ${reason}` : reason)
    this.name = "StatementFileError"
  }
}
