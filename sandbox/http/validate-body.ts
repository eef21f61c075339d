import type { z } from "zod"
import { ApiFailure, jsonBody, type Exchange } from "./exchange"

/**
 * Validates a request body with the sandbox's own schema of finAPI's contract
 * (request-schemas.ts, never the client's), so a client that sends what finAPI
 * refuses is refused here too. Access answers 400 BAD_REQUEST; the Web Form
 * renders the field list as its `ValidationError`.
 */
export function parseBody<T extends z.ZodType>(ex: Exchange, schema: T): z.infer<T> {
  const result = schema.safeParse(jsonBody(ex))
  if (result.success) return result.data
  const fields = result.error.issues.map((issue) => ({ field: issue.path.join(".") || "body", message: issue.message }))
  throw new ApiFailure(400, "BAD_REQUEST", fields.map((f) => `${f.field}: ${f.message}`).join("; "), { fields })
}
