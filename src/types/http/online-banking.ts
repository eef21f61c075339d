// Bodies of the online-banking routes (/admin/bank-reconciliation/interfaces, bank-connections,
// accounts, interfaces/:id/log), as the routes send them (query-config.ts lists their fields) and
// the admin reads them. Types only, no imports: the admin imports them with `import type`.

export type BankInterface = {
  id: string
  name: string
  description: string | null
  finapi_user_id: string | null
  status: "not_connected" | "connected" | "error"
  last_error: string | null
  connected_at: string | null
  created_at: string
}

export type BankAccount = {
  id: string
  iban: string | null
  account_number: string | null
  name: string | null
  holder: string | null
  currency_code: string | null
  balance: number | string | null
  balance_at: string | null
  import_enabled: boolean
}

/** A row of GET accounts: an account with its connection (the import dialog's choice). */
export type ImportableAccount = { id: string; name: string | null; iban: string | null; import_enabled: boolean; connection: { label: string; status: string } | null }

export type BankConnectionStatus = "pending" | "active" | "consent_expiring" | "consent_expired" | "user_action_required" | "failed" | "disconnected"

export type BankConnection = {
  id: string
  label: string
  bank_name: string | null
  bank_bic: string | null
  status: BankConnectionStatus
  secrets_stored: boolean
  consent_expires_at: string | null
  user_action_required: boolean
  web_form_id: string | null
  web_form_url: string | null
  web_form_status: string | null
  last_error: string | null
  disconnected_at: string | null
  accounts: BankAccount[]
}

/** An entry of GET interfaces/:id/log: one finAPI call. */
export type CallLogEntry = {
  id: string
  at: string
  operation: string
  method: string
  path: string
  outcome: "ok" | "error"
  http_status: number | null
  request_id: string
  duration_ms: number
  error_message: string | null
}

/** POST bank-connections/:id/renew: what renewing the consent did. */
export type BankConnectionRenewal = { renewal: { outcome: string; web_form_url: string | null; message: string | null } }
