// Fields the admin API returns. Secrets (encrypted password, callback token hashes) are never listed.
export const BANK_INTERFACE_FIELDS = [
  "id",
  "name",
  "description",
  "finapi_user_id",
  "status",
  "last_error",
  "connected_at",
  "created_at",
  "updated_at",
]

export const BANK_ACCOUNT_FIELDS = [
  "id",
  "connection_id",
  "finapi_account_id",
  "iban",
  "account_number",
  "name",
  "holder",
  "currency_code",
  "account_type",
  "balance",
  "balance_at",
  "import_enabled",
  "import_cursor",
  "last_imported_at",
]

/** The accounts list: an account with its connection. */
export const BANK_ACCOUNT_LIST_FIELDS = [
  ...BANK_ACCOUNT_FIELDS,
  "created_at",
  "connection.label",
  "connection.status",
  "connection.bank_name",
  "connection.interface_id",
]

export const BANK_CONNECTION_FIELDS = [
  "id",
  "interface_id",
  "finapi_bank_connection_id",
  "label",
  "bank_name",
  "bank_bic",
  "bank_code",
  "status",
  "secrets_stored",
  "consent_expires_at",
  "user_action_required",
  "update_status",
  "last_update_at",
  "web_form_id",
  "web_form_url",
  "web_form_status",
  "last_error",
  "disconnected_at",
  "created_at",
  ...BANK_ACCOUNT_FIELDS.map((field) => `accounts.${field}`),
]

export const FINAPI_CALL_LOG_FIELDS = [
  "id",
  "at",
  "operation",
  "api",
  "method",
  "path",
  "outcome",
  "http_status",
  "request_id",
  "attempts",
  "duration_ms",
  "error_kind",
  "error_code",
  "error_message",
]
