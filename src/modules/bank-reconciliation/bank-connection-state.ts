import type { BankConnection as FinapiBankConnection, DecimalAccount } from "./finapi"

/** Connections whose consent ends within this many days are flagged for renewal. */
export const CONSENT_WARNING_DAYS = 14

export type ConnectionHealth = "active" | "consent_expiring" | "consent_expired" | "user_action_required"

/** What the operator must do about a connection, from finAPI's consent date and action flag. */
export function connectionHealth(
  input: { consentExpiresAt: Date | null; userActionRequired: boolean },
  now: Date,
  warningDays = CONSENT_WARNING_DAYS
): ConnectionHealth {
  if (input.userActionRequired) {
    return "user_action_required"
  }
  if (!input.consentExpiresAt) {
    return "active"
  }
  if (input.consentExpiresAt.getTime() <= now.getTime()) {
    return "consent_expired"
  }
  const warnFrom = input.consentExpiresAt.getTime() - warningDays * 24 * 3600 * 1000
  return now.getTime() >= warnFrom ? "consent_expiring" : "active"
}

/** finAPI answers "+0100"-style offsets; Date needs "+01:00". */
export function parseFinapiTimestamp(value: string | null | undefined): Date | null {
  if (!value) {
    return null
  }
  const normalised = value.replace(/([+-]\d{2})(\d{2})$/, "$1:$2")
  const date = new Date(normalised)
  return Number.isNaN(date.getTime()) ? null : date
}

/**
 * Whether finAPI keeps a secret (the PIN) for an interface, so it can update without the user. A
 * client without finAPI's credentials licence sees every stored value as "XXXXX", the login name
 * too, so only a value in a field the bank marks `isSecret` counts.
 */
function storesSecret(connection: FinapiBankConnection, connectionInterface: FinapiBankConnection["interfaces"][number]): boolean {
  const bankInterface = (connection.bank?.interfaces ?? []).find((b) => b.bankingInterface === connectionInterface.bankingInterface)
  const secretLabels = new Set((bankInterface?.loginCredentials ?? []).filter((field) => field.isSecret).map((field) => field.label))
  return (connectionInterface.loginCredentials ?? []).some((c) => secretLabels.has(c.label) && !!c.value)
}

/** The columns of bank_connection that mirror a finAPI bank connection. */
export function connectionFieldsFromFinapi(connection: FinapiBankConnection, now: Date) {
  const interfaces = connection.interfaces ?? []
  const expiries = interfaces
    .map((i) => parseFinapiTimestamp(i.aisConsent?.expiresAt))
    .filter((d): d is Date => d !== null)
    .sort((a, b) => a.getTime() - b.getTime())
  const consentExpiresAt = expiries[0] ?? null
  const userActionRequired = interfaces.some((i) => i.userActionRequired)
  const secretsStored = interfaces.some((i) => storesSecret(connection, i))
  const lastUpdate = interfaces
    .flatMap((i) => [i.lastManualUpdate, i.lastAutoUpdate])
    .filter((u): u is NonNullable<typeof u> => !!u)
    .map((u) => ({ ...u, at: parseFinapiTimestamp(u.timestamp) }))
    .sort((a, b) => (b.at?.getTime() ?? 0) - (a.at?.getTime() ?? 0))[0]
  return {
    finapi_bank_connection_id: String(connection.id),
    bank_name: connection.bank?.name ?? null,
    bank_bic: connection.bank?.bic ?? null,
    bank_code: connection.bank?.blz ?? null,
    secrets_stored: secretsStored,
    consent_expires_at: consentExpiresAt,
    user_action_required: userActionRequired,
    update_status: connection.updateStatus,
    last_update_at: lastUpdate?.at ?? null,
    last_error: lastUpdate && lastUpdate.result !== "OK" ? lastUpdate.errorMessage ?? lastUpdate.result : null,
    status: connectionHealth({ consentExpiresAt, userActionRequired }, now),
  }
}

function lastSuccessfulUpdate(account: DecimalAccount): Date | null {
  const times = (account.interfaces ?? [])
    .map((i) => parseFinapiTimestamp(i.lastSuccessfulUpdate))
    .filter((d): d is Date => d !== null)
    .sort((a, b) => b.getTime() - a.getTime())
  return times[0] ?? null
}

/** The columns of bank_account that mirror a finAPI account (import settings are left alone). */
export function accountFieldsFromFinapi(account: DecimalAccount, now: Date) {
  return {
    finapi_account_id: String(account.id),
    iban: account.iban ?? null,
    account_number: account.accountNumber ?? null,
    name: account.accountName ?? null,
    holder: account.accountHolderName ?? null,
    currency_code: account.accountCurrency ?? null,
    account_type: account.accountType,
    // a decimal string: bigNumber columns take it as is
    balance: account.balance ?? null,
    balance_at: account.balance == null ? null : lastSuccessfulUpdate(account) ?? now,
  }
}
