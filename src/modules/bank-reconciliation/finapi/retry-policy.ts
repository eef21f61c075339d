/** Bounds of the retry loop; tests pass tiny delays. */
export interface RetryOptions {
  /** Total attempts including the first one (default 4). */
  maxAttempts: number
  /** First backoff step before jitter (default 250 ms). */
  baseDelayMs: number
  /** Upper bound of any single wait, including a server's Retry-After (default 15 s). */
  maxDelayMs: number
}

export const DEFAULT_RETRY: RetryOptions = { maxAttempts: 4, baseDelayMs: 250, maxDelayMs: 15_000 }

/** What the transport knows about a failed attempt. */
export interface AttemptFailure {
  status?: number
  networkCode?: string
  /** False for POSTs that create something (web forms, tasks, users, rules). */
  idempotent: boolean
  /** False where 423 means "user locked" (token endpoint) rather than "busy, try later". */
  retryOnLocked: boolean
}

// Statuses where the server did not do the work and says so, safe even for POSTs.
const REFUSED_STATUSES = new Set([429])
const SERVER_FAILURE_STATUSES = new Set([500, 502, 503, 504])

// The TCP connection was never established, so the request cannot have been processed.
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH"])
// The request may have reached finAPI before the connection broke or timed out.
const MAYBE_SENT_CODES = new Set(["ECONNRESET", "EPIPE", "ETIMEDOUT", "ECONNABORTED", "ERR_SOCKET_CONNECTION_TIMEOUT"])

/**
 * Decides whether an attempt may be repeated. The rule for non-idempotent POSTs: retry only when
 * the request provably did not take effect, i.e. the connection was refused before sending, or
 * finAPI answered 429 (throttled) or 423 LOCKED (rejected because something else is running).
 * A 5xx, reset or timeout on such a POST may already have created the resource, so it surfaces.
 */
export function isRetryable(failure: AttemptFailure): boolean {
  const { status, networkCode, idempotent, retryOnLocked } = failure
  if (status !== undefined) {
    if (REFUSED_STATUSES.has(status)) {
      return true
    }
    if (status === 423) {
      return retryOnLocked
    }
    return idempotent && SERVER_FAILURE_STATUSES.has(status)
  }
  if (networkCode && NOT_SENT_CODES.has(networkCode)) {
    return true
  }
  return idempotent && networkCode !== undefined && MAYBE_SENT_CODES.has(networkCode)
}

/** Exponential backoff with full jitter for the given 1-based attempt that just failed. */
export function backoffDelayMs(attempt: number, options: RetryOptions, random: () => number = Math.random): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1))
  // Full jitter spreads retries of many workers; the floor of half the step keeps waits meaningful.
  return Math.round(ceiling / 2 + random() * (ceiling / 2))
}

/** Parses `Retry-After` (delta seconds or HTTP date) into milliseconds; undefined if absent or invalid. */
export function parseRetryAfterMs(header: unknown, now: number = Date.now()): number | undefined {
  if (typeof header !== "string" || header.trim() === "") {
    return undefined
  }
  const text = header.trim()
  if (/^\d+(\.\d+)?$/.test(text)) {
    return Math.round(Number(text) * 1000)
  }
  const at = Date.parse(text)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}
