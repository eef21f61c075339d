import {
  AccessErrorSchema,
  OAuthErrorSchema,
  WebFormErrorSchema,
  WebFormValidationErrorSchema,
} from "./schemas/errors"
import { FinapiError, FinapiErrorInit, FinapiErrorKind } from "./finapi-errors"
import { SecretRedactor } from "./secret-redactor"

/** The parts of a non-2xx answer needed to build a typed error. */
export interface ErrorResponse {
  operation: string
  status: number
  data: unknown
  /** X-Request-Id echoed by finAPI, or the one we sent. */
  requestId?: string
  retryAfterMs?: number
}

interface ParsedEnvelope {
  envelope: FinapiErrorInit["envelope"]
  code?: string
  message?: string
  requestId?: string
}

/** Builds a FinapiError from any of finAPI's three error envelopes (Access, OAuth, Web Form). */
export function errorFromResponse(response: ErrorResponse, redactor: SecretRedactor): FinapiError {
  const parsed = parseEnvelope(response.data)
  const kind = kindFor(response.status, parsed)
  const detail = parsed.message ? `: ${parsed.message}` : ""
  const code = parsed.code ? ` ${parsed.code}` : ""
  return new FinapiError({
    kind,
    operation: response.operation,
    status: response.status,
    code: parsed.code,
    requestId: parsed.requestId ?? response.requestId,
    envelope: parsed.envelope,
    retryAfterMs: response.retryAfterMs,
    message: redactor.redact(`finAPI ${response.operation} failed with HTTP ${response.status}${code}${detail}`),
  })
}

/** Reads whichever envelope `data` is in; unknown bodies yield no code or message. */
export function parseEnvelope(data: unknown): ParsedEnvelope {
  const access = AccessErrorSchema.safeParse(data)
  if (access.success) {
    const first = access.data.errors[0]
    const messages = access.data.errors.map((e) => e.message).filter(Boolean)
    return {
      envelope: "access",
      code: first.code,
      message: messages.join("; ") || undefined,
      requestId: access.data.requestId ?? undefined,
    }
  }
  const oauth = OAuthErrorSchema.safeParse(data)
  if (oauth.success) {
    const description = oauth.data.error_description ?? oauth.data.errorDescription ?? undefined
    return { envelope: "oauth", code: oauth.data.error, message: description }
  }
  const webForm = WebFormErrorSchema.safeParse(data)
  if (webForm.success) {
    return { envelope: "web-form", code: webForm.data.code, message: webForm.data.description ?? undefined }
  }
  const validation = WebFormValidationErrorSchema.safeParse(data)
  if (validation.success) {
    const message = validation.data.errors
      .map((e) => [e.field, e.message].filter(Boolean).join(": "))
      .join("; ")
    return { envelope: "web-form-validation", code: "VALIDATION_FAILED", message }
  }
  return { envelope: "none" }
}

/** True for the answers that mean "your bearer token is no longer valid, get a new one". */
export function isInvalidTokenError(error: FinapiError): boolean {
  if (error.status !== 401) {
    return false
  }
  // Access says `invalid_token` (OAuth envelope); the Web Form says `UNAUTHORIZED`.
  return error.code === "invalid_token" || error.code === "UNAUTHORIZED" || error.code === "INVALID_TOKEN"
}

function kindFor(status: number, parsed: ParsedEnvelope): FinapiErrorKind {
  const code = parsed.code
  if (status === 401 || (parsed.envelope === "oauth" && status < 500)) {
    return "auth"
  }
  if (status === 429) {
    return "rate-limited"
  }
  if (status === 423 || code === "LOCKED") {
    return "locked"
  }
  if (status === 451 || code === "WEB_FORM_REQUIRED") {
    return "web-form-required"
  }
  if (status === 404 || code === "UNKNOWN_ENTITY" || code === "NOT_FOUND") {
    return "not-found"
  }
  if (status === 403) {
    return "forbidden"
  }
  if (code === "ENTITY_EXISTS") {
    return "conflict"
  }
  if (status === 400 || status === 422) {
    return "validation"
  }
  // 501 UNSUPPORTED_BANK and 510 (SCA step of the licensed direct flow) are answers, not outages.
  if (status === 501 || status === 510) {
    return "unexpected"
  }
  return status >= 500 ? "unavailable" : "unexpected"
}
