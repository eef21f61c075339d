import type { UserMetadata } from "../finapi/schemas"
import type { BookingDateWindow } from "../import-window"

export type BankConnectionWebFormInput = { interface_id: string; connection_id: string; label: string; callback_token: string }

export type RenewBankConnectionResult = {
  outcome: "updated" | "web_form_required" | "failed"
  web_form_url: string | null
  message: string | null
}

export type { BankDataUpdate } from "../finapi/update-bank-connection-data"

/** A registered NEW_TRANSACTIONS push of one account; removeNewTransactionNotifications takes it back. */
export type RegisteredNotification = { account_id: string; interface_id: string; rule_id: number }

export type ImportCounts = { fetched: number; imported: number; known: number; filtered: number; held: number }

/** One finAPI account an import reads. */
export type FinapiImportAccount = {
  id: string
  iban: string | null
  currency_code: string | null
  finapi_account_id: string
  interface_id: string
}

export type FinapiAccountImportInput = {
  account: FinapiImportAccount
  sync_run_id: string
  window: BookingDateWindow | null
  /** finAPI page size (1–500). */
  page_size: number
  /** What earlier accounts of the run counted; the run's progress shows the sum. */
  counts_before: ImportCounts
}

/** What an account's import stored; right even when a later page failed (then `error` says why). */
export type FinapiAccountImport = {
  counts: ImportCounts
  new_ids: string[]
  held_ids: string[]
  /** The account's cursor before this run (compensation puts it back); null when the import never began. */
  before: { id: string; import_cursor: Date | null; last_imported_at: Date | null } | null
  error: string | null
}

export type BankDataUpdateInput = {
  interface_id: string
  finapi_bank_connection_id: string
  timeout_ms: number
  /** Who asked (finAPI's PSU metadata); default: nobody, an unattended import. */
  user_metadata?: UserMetadata | null
}
