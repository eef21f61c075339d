import type { IncomingMessage, ServerResponse } from "node:http"
import type { IssuedToken, SandboxState } from "../state"

/** Which contract a path belongs to decides the error envelope (REFERENCE.md Gotcha 15). */
export type ApiArea = "access" | "webform" | "page" | "control"

export interface Exchange {
  req: IncomingMessage
  res: ServerResponse
  state: SandboxState
  /** After X-HTTP-Method-Override. */
  method: string
  path: string
  query: URLSearchParams
  params: Record<string, string>
  requestId: string
  area: ApiArea
  rawBody: string
  auth: IssuedToken | null
}

export function areaOf(path: string): ApiArea {
  if (path.startsWith("/__sandbox")) return "control"
  if (path.startsWith("/api/v2/")) return "access"
  if (path.startsWith("/api/")) return "webform"
  return "page"
}

export function sendJson(ex: Exchange, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body)
  ex.res.writeHead(status, { "Content-Type": "application/json;charset=UTF-8", "Content-Length": Buffer.byteLength(text), ...headers })
  ex.res.end(text)
}

/** finAPI answers successful DELETEs with 200 and no body (not 204). */
export function sendEmpty(ex: Exchange, status = 200): void {
  ex.res.writeHead(status, { "Content-Length": 0 })
  ex.res.end()
}

export function sendHtml(ex: Exchange, status: number, html: string): void {
  ex.res.writeHead(status, { "Content-Type": "text/html; charset=utf-8", "Content-Length": Buffer.byteLength(html), "Cache-Control": "no-store" })
  ex.res.end(html)
}

/** POST-redirect-GET keeps the web form reload-safe. */
export function redirect(ex: Exchange, location: string): void {
  ex.res.writeHead(303, { Location: location, "Content-Length": 0 })
  ex.res.end()
}

export function jsonBody(ex: Exchange): Record<string, unknown> {
  if (ex.rawBody.trim() === "") return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(ex.rawBody)
  } catch {
    throw new ApiFailure(400, "BAD_REQUEST", "Request body is not valid JSON")
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new ApiFailure(400, "BAD_REQUEST", "Request body must be a JSON object")
  }
  return parsed as Record<string, unknown>
}

export function formBody(ex: Exchange): URLSearchParams {
  return new URLSearchParams(ex.rawBody)
}

/**
 * A refusal in finAPI's terms. The dispatcher renders it in the envelope of the
 * area: Access `ErrorMessage`, OAuth `{error, error_description}`, or Web Form `Error`.
 */
export class ApiFailure extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly options: {
      oauth?: boolean
      errorType?: "BUSINESS" | "TECHNICAL"
      fields?: Array<{ field: string; message: string }>
      headers?: Record<string, string>
    } = {}
  ) {
    super(message)
  }
}

export function unknownEntity(what: string, id: string | number): ApiFailure {
  return new ApiFailure(404, "UNKNOWN_ENTITY", `${what} with id '${id}' not found.`)
}

export function requireNumericId(ex: Exchange, name = "id"): number {
  const raw = ex.params[name]
  if (!/^\d+$/.test(raw)) throw new ApiFailure(400, "BAD_REQUEST", `Invalid ${name} '${raw}'`)
  return Number(raw)
}
