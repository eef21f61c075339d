import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

// Postgres text cannot hold U+0000 (the statement fails and the pooled connection is dropped); the
// other C0 controls and DEL have no business in ids, names or searches. Free text in a body keeps
// tab, line feed and carriage return.
const CONTROL_IN_LINE = /[\u0000-\u001f\u007f]/
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/

/** The first field under `value` (path like `assignments[0].order_id`) whose text or key matches `pattern`. */
export function findControlCharacter(value: unknown, pattern: RegExp, field: string): string | null {
  if (typeof value === "string") {
    return pattern.test(value) ? field : null
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findControlCharacter(value[i], pattern, `${field}[${i}]`)
      if (found) return found
    }
    return null
  }
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const name = field ? `${field}.${key}` : key
      if (pattern.test(key)) return name
      const found = findControlCharacter(item, pattern, name)
      if (found) return found
    }
  }
  return null
}

/** The path segment (decoded) that holds a control character, named by the segment before it. */
function findControlInPath(originalUrl: string): string | null {
  const segments = originalUrl.split("?", 1)[0].split("/")
  for (let i = 1; i < segments.length; i++) {
    let decoded: string
    try {
      decoded = decodeURIComponent(segments[i])
    } catch {
      decoded = "\u0000" // not valid percent-encoding: refused like a control character
    }
    if (CONTROL_IN_LINE.test(decoded)) {
      return `the path segment after "/${segments[i - 1]}/"`
    }
  }
  return null
}

/**
 * Guards every plugin route before validation and handler: a control character in the path, the
 * query or the body is a 400 naming the field, so nothing reaches the database or finAPI.
 */
export function guardStorableInput(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const field =
    findControlInPath(req.originalUrl) ??
    findControlCharacter(req.query, CONTROL_IN_LINE, "") ??
    findControlCharacter(req.body, CONTROL_IN_TEXT, "")
  if (field) {
    return next(
      new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Invalid request: ${field || "the body"} must not contain control characters (U+0000–U+001F, U+007F)`
      )
    )
  }
  next()
}
