import { RetryOptions } from "./retry-policy"

/** Minimal logger; Medusa's logger and `console` both fit. */
export interface FinapiLogger {
  debug?(message: string): void
  info(message: string): void
  warn(message: string): void
  error(message: string): void
}

/** One finished finAPI call, for the per-interface call log. Never contains secrets. */
export interface FinapiCallLogEntry {
  /** ISO timestamp of the start of the call. */
  at: string
  operation: string
  api: "access" | "webForm"
  method: string
  /** Path without query string (ids only, nothing secret). */
  path: string
  outcome: "ok" | "error"
  /** Last HTTP status seen; absent when no answer arrived. */
  status?: number
  /** X-Request-Id of the last attempt (finAPI's echo, else ours). */
  requestId: string
  attempts: number
  durationMs: number
  errorKind?: string
  errorCode?: string
  errorMessage?: string
}

/** Plain configuration of FinapiClient; finAPI sandbox, live and the local sandbox differ only in URLs. */
export interface FinapiClientConfig {
  /** e.g. `https://sandbox.finapi.io` (no trailing `/api/v2`). */
  accessBaseUrl: string
  /** e.g. `https://webform-sandbox.finapi.io`. */
  webFormBaseUrl: string
  clientId: string
  clientSecret: string
  logger?: FinapiLogger
  retry?: Partial<RetryOptions>
  /** Per-attempt timeout (default 30 s). */
  timeoutMs?: number
  /** Largest answer body read, in bytes (default 16 MiB; a 500-row transaction page is about 0.5 MB). */
  maxResponseBytes?: number
  onCall?: (entry: FinapiCallLogEntry) => void
  /** Seconds before expiry at which a cached token counts as stale (default: min(60, 10% of lifetime)). */
  tokenRefreshMarginSeconds?: number
  /** Sent as `Accept-Language` (default `en`, so error messages are English). */
  language?: "de" | "en" | "cs" | "sk"
  /** The clock token lifetimes are measured with, in epoch ms (default `Date.now`; tests inject one). */
  now?: () => number
}

/** A finAPI user's login; the password is the one chosen when the user was created. */
export interface FinapiUserCredentials {
  userId: string
  password: string
}
