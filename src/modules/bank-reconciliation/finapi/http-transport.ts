import { randomUUID } from "node:crypto"
import axios, { AxiosInstance } from "axios"
import { z } from "zod"
import { FinapiCallLogEntry, FinapiClientConfig } from "./client-config"
import { errorFromResponse } from "./error-from-response"
import { FinapiError, FinapiResponseValidationError } from "./finapi-errors"
import { parseJsonBody } from "./json-body"
import { QueryValue, queryString } from "./query-string"
import { DEFAULT_RETRY, RetryOptions, backoffDelayMs, isRetryable, parseRetryAfterMs } from "./retry-policy"
import { SecretRedactor } from "./secret-redactor"

/** One logical finAPI call; the transport may send it several times. */
export interface CallSpec<T> {
  operation: string
  api: "access" | "webForm"
  method: "GET" | "POST" | "PATCH" | "DELETE"
  path: string
  /** Arrays become repeated keys (finAPI's `order`); join id lists yourself for the comma form. */
  query?: Record<string, QueryValue>
  json?: unknown
  form?: Record<string, string | undefined>
  token?: string
  /** Omit for bodies the caller ignores (DELETE answers 200 with an empty body). */
  schema?: z.ZodType<T>
  /**
   * A top-level array of the body that may be large (a page of transactions): the body is read as
   * bytes and this array parsed element by element, so no string of the whole body is made.
   */
  splitArray?: string
  /** Defaults to true for everything except POST. */
  idempotent?: boolean
  retryOnLocked?: boolean
}

type AttemptResult<T> =
  | { ok: true; value: T; status: number; requestId: string }
  | { ok: false; error: FinapiError }

const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024

/** Sends finAPI calls: request ids, timeouts, retries with backoff, envelope parsing, call log. */
export class HttpTransport {
  private readonly http: AxiosInstance
  private readonly retry: RetryOptions

  constructor(
    private readonly config: FinapiClientConfig,
    private readonly redactor: SecretRedactor
  ) {
    this.retry = { ...DEFAULT_RETRY, ...config.retry }
    this.http = axios.create({
      timeout: config.timeoutMs ?? 30_000,
      // Status handling is ours; axios only throws when no HTTP answer arrived.
      validateStatus: () => true,
      maxRedirects: 0,
      // a runaway answer is cut off instead of being buffered until memory runs out
      maxContentLength: this.maxResponseBytes,
      transitional: { clarifyTimeoutError: true },
    })
  }

  /** Performs the call and returns the schema-validated body; throws FinapiError otherwise. */
  async call<T>(spec: CallSpec<T>): Promise<T> {
    const callId = randomUUID()
    const startedAt = Date.now()
    for (let attempt = 1; ; attempt++) {
      const requestId = attempt === 1 ? callId : `${callId}.${attempt}`
      const result = await this.attempt(spec, requestId)
      if (result.ok) {
        this.finish(spec, startedAt, attempt, { status: result.status, requestId: result.requestId })
        return result.value
      }
      const wait = this.retryWaitMs(spec, result.error, attempt)
      if (wait === undefined) {
        this.finish(spec, startedAt, attempt, { error: result.error, requestId: result.error.requestId ?? requestId })
        throw result.error
      }
      const reason = result.error.status ?? result.error.networkCode
      this.config.logger?.warn(
        `finAPI ${spec.operation} attempt ${attempt} failed (${reason}), retrying in ${wait} ms [request id ${requestId}]`
      )
      await sleep(wait)
    }
  }

  private async attempt<T>(spec: CallSpec<T>, requestId: string): Promise<AttemptResult<T>> {
    try {
      const response = await this.http.request({
        baseURL: spec.api === "access" ? this.config.accessBaseUrl : this.config.webFormBaseUrl,
        url: spec.path + queryString(spec.query),
        method: spec.method,
        headers: this.headers(spec, requestId),
        data: spec.form ? new URLSearchParams(definedEntries(spec.form)).toString() : spec.json,
        ...(spec.splitArray ? { responseType: "arraybuffer" as const } : {}),
      })
      const succeeded = response.status >= 200 && response.status < 300
      // read as bytes, the body is decoded here as axios would have done it (JSON when it is JSON, else text)
      const data: unknown = spec.splitArray ? parseJsonBody(response.data as Buffer, succeeded ? spec.splitArray : undefined) : response.data
      const echoed = response.headers["x-request-id"]
      const answeredId = typeof echoed === "string" && echoed ? echoed : requestId
      if (succeeded) {
        const value = this.parseBody(spec, data, answeredId)
        return { ok: true, value, status: response.status, requestId: answeredId }
      }
      const error = errorFromResponse(
        {
          operation: spec.operation,
          status: response.status,
          data,
          requestId: answeredId,
          retryAfterMs: parseRetryAfterMs(response.headers["retry-after"]),
        },
        this.redactor
      )
      return { ok: false, error }
    } catch (thrown) {
      if (thrown instanceof FinapiError) {
        return { ok: false, error: thrown }
      }
      if (/maxContentLength/.test((thrown as Error)?.message ?? "")) {
        return { ok: false, error: this.tooLargeError(spec, requestId) }
      }
      return { ok: false, error: this.networkError(spec, thrown, requestId) }
    }
  }

  private headers(spec: CallSpec<unknown>, requestId: string): Record<string, string> {
    const headers: Record<string, string> = {
      Accept: "application/json",
      "Accept-Language": this.config.language ?? "en",
      "X-Request-Id": requestId,
    }
    if (spec.token) {
      headers.Authorization = `Bearer ${spec.token}`
    }
    if (spec.form) {
      headers["Content-Type"] = "application/x-www-form-urlencoded"
    } else if (spec.json !== undefined) {
      headers["Content-Type"] = "application/json"
    }
    return headers
  }

  private parseBody<T>(spec: CallSpec<T>, data: unknown, requestId: string): T {
    if (!spec.schema) {
      return undefined as T
    }
    const parsed = spec.schema.safeParse(data)
    if (parsed.success) {
      return parsed.data
    }
    const issues = parsed.error.issues.slice(0, 5)
    const fieldPaths = issues.map((issue) => issue.path.map(String).join(".") || "(body)")
    const details = issues.map((issue, i) => `${fieldPaths[i]}: ${issue.message}`).join("; ")
    throw new FinapiResponseValidationError({
      operation: spec.operation,
      requestId,
      envelope: "none",
      fieldPaths,
      message: this.redactor.redact(`finAPI ${spec.operation} returned an unexpected body (${details})`),
    })
  }

  private get maxResponseBytes(): number {
    return this.config.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES
  }

  // An answer this large is not finAPI's documented shape; asking again would only read it again.
  private tooLargeError(spec: CallSpec<unknown>, requestId: string): FinapiError {
    return new FinapiResponseValidationError({
      operation: spec.operation,
      requestId,
      envelope: "none",
      fieldPaths: ["(body)"],
      message: `finAPI ${spec.operation} answered with a body larger than ${this.maxResponseBytes} bytes; it was not read`,
    })
  }

  private networkError(spec: CallSpec<unknown>, thrown: unknown, requestId: string): FinapiError {
    // Keep only code and message: the axios error object carries headers and the form body.
    const code = (thrown as { code?: string })?.code ?? "UNKNOWN"
    const text = thrown instanceof Error ? thrown.message : String(thrown)
    return new FinapiError({
      kind: "network",
      operation: spec.operation,
      requestId,
      networkCode: code,
      envelope: "none",
      message: this.redactor.redact(`finAPI ${spec.operation} got no answer (${code}): ${text}`),
    })
  }

  private retryWaitMs(spec: CallSpec<unknown>, error: FinapiError, attempt: number): number | undefined {
    if (attempt >= this.retry.maxAttempts || error.kind === "response-validation") {
      return undefined
    }
    const retryable = isRetryable({
      status: error.status,
      networkCode: error.networkCode,
      idempotent: spec.idempotent ?? spec.method !== "POST",
      retryOnLocked: spec.retryOnLocked ?? true,
    })
    if (!retryable) {
      return undefined
    }
    const backoff = backoffDelayMs(attempt, this.retry)
    if (error.retryAfterMs === undefined) {
      return backoff
    }
    // A server asking for a longer pause than we are willing to wait gets the error back instead.
    return error.retryAfterMs > this.retry.maxDelayMs ? undefined : Math.max(backoff, error.retryAfterMs)
  }

  private finish(
    spec: CallSpec<unknown>,
    startedAt: number,
    attempts: number,
    result: { status?: number; requestId: string; error?: FinapiError }
  ): void {
    const { error } = result
    const entry: FinapiCallLogEntry = {
      at: new Date(startedAt).toISOString(),
      operation: spec.operation,
      api: spec.api,
      method: spec.method,
      path: spec.path,
      outcome: error ? "error" : "ok",
      status: error ? error.status : result.status,
      requestId: result.requestId,
      attempts,
      durationMs: Date.now() - startedAt,
      errorKind: error?.kind,
      errorCode: error?.code,
      errorMessage: error?.message,
    }
    const summary = `finAPI ${spec.operation} ${spec.method} ${spec.path} -> ${entry.status ?? error?.networkCode} in ${entry.durationMs} ms, ${attempts} attempt(s) [request id ${entry.requestId}]`
    if (error) {
      this.config.logger?.warn(`${summary}: ${error.message}`)
    } else {
      this.config.logger?.debug?.(summary)
    }
    try {
      this.config.onCall?.(entry)
    } catch {
      // A failing call-log sink must not turn a successful finAPI call into a failure.
    }
  }
}

function definedEntries(form: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(form).filter(([, v]) => v !== undefined)) as Record<string, string>
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
