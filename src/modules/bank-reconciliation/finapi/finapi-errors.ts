/**
 * What went wrong, coarse enough for callers to decide what to do next:
 * - `auth`: credentials or token rejected (401, OAuth errors, bad user password)
 * - `forbidden`: 403, e.g. wrong client role or API version scope
 * - `not-found`: 404 / `UNKNOWN_ENTITY`
 * - `validation`: 400/422, finAPI rejected the input
 * - `conflict`: 422 `ENTITY_EXISTS`
 * - `locked`: 423, another update/import is running
 * - `rate-limited`: 429
 * - `unavailable`: 5xx
 * - `network`: no HTTP answer (refused, reset, timeout)
 * - `web-form-required`: the user must complete a web form (SCA / credentials)
 * - `response-validation`: finAPI answered, but not in the documented shape
 */
export type FinapiErrorKind =
  | "auth"
  | "forbidden"
  | "not-found"
  | "validation"
  | "conflict"
  | "locked"
  | "rate-limited"
  | "unavailable"
  | "network"
  | "web-form-required"
  | "response-validation"
  | "unexpected"

export interface FinapiErrorInit {
  kind: FinapiErrorKind
  operation: string
  message: string
  status?: number
  code?: string
  requestId?: string
  /** Which envelope the error came from, useful when reading logs. */
  envelope?: "access" | "oauth" | "web-form" | "web-form-validation" | "none"
  /** Low-level network code such as ECONNRESET; never the raw axios error (it holds headers and bodies). */
  networkCode?: string
  retryAfterMs?: number
}

/** Any failure of a finAPI call; messages never contain secrets. */
export class FinapiError extends Error {
  readonly kind: FinapiErrorKind
  readonly operation: string
  readonly status?: number
  readonly code?: string
  readonly requestId?: string
  readonly envelope?: FinapiErrorInit["envelope"]
  readonly networkCode?: string
  readonly retryAfterMs?: number

  constructor(init: FinapiErrorInit) {
    super(init.message)
    this.name = "FinapiError"
    this.kind = init.kind
    this.operation = init.operation
    this.status = init.status
    this.code = init.code
    this.requestId = init.requestId
    this.envelope = init.envelope
    this.networkCode = init.networkCode
    this.retryAfterMs = init.retryAfterMs
  }

  /** A log-friendly summary without secrets (the message is already redacted). */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      kind: this.kind,
      operation: this.operation,
      status: this.status,
      code: this.code,
      requestId: this.requestId,
      message: this.message,
    }
  }
}

/** finAPI answered 2xx but the body does not match the documented schema. */
export class FinapiResponseValidationError extends FinapiError {
  /** Dotted paths of the offending fields, e.g. `transactions.3.amount`. */
  readonly fieldPaths: string[]

  constructor(init: Omit<FinapiErrorInit, "kind"> & { fieldPaths: string[] }) {
    super({ ...init, kind: "response-validation" })
    this.name = "FinapiResponseValidationError"
    this.fieldPaths = init.fieldPaths
  }
}

/** A background update task needs the user to open a web form before it can continue. */
export class FinapiWebFormRequiredError extends FinapiError {
  readonly webFormId: string
  readonly webFormUrl: string

  constructor(init: Omit<FinapiErrorInit, "kind"> & { webFormId: string; webFormUrl: string }) {
    super({ ...init, kind: "web-form-required" })
    this.name = "FinapiWebFormRequiredError"
    this.webFormId = init.webFormId
    this.webFormUrl = init.webFormUrl
  }
}

/** True when `error` is a FinapiError, optionally of the given kind. */
export function isFinapiError(error: unknown, kind?: FinapiErrorKind): error is FinapiError {
  return error instanceof FinapiError && (kind === undefined || error.kind === kind)
}

/** Copy of `error` with another kind, e.g. to classify a token endpoint 400 as an auth failure. */
export function withKind(error: FinapiError, kind: FinapiErrorKind): FinapiError {
  return new FinapiError({
    kind,
    operation: error.operation,
    message: error.message,
    status: error.status,
    code: error.code,
    requestId: error.requestId,
    envelope: error.envelope,
    networkCode: error.networkCode,
    retryAfterMs: error.retryAfterMs,
  })
}
