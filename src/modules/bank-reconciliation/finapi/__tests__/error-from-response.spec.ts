import { errorFromResponse, isInvalidTokenError } from "../error-from-response"
import { SecretRedactor } from "../secret-redactor"

const build = (status: number, data: unknown, redactor = new SecretRedactor()) =>
  errorFromResponse({ operation: "op", status, data, requestId: "ours-1" }, redactor)

describe("errorFromResponse", () => {
  it("reads the Access envelope: code, message and finAPI's request id", () => {
    const error = build(404, {
      errors: [{ message: "Bank connection not found", code: "UNKNOWN_ENTITY", type: "BUSINESS" }],
      date: "2024-08-01T10:00:00.000+02:00",
      requestId: "selfgen-abc",
      endpoint: "GET /api/v2/bankConnections/1",
    })
    expect(error).toMatchObject({ kind: "not-found", code: "UNKNOWN_ENTITY", requestId: "selfgen-abc", envelope: "access" })
    expect(error.message).toContain("Bank connection not found")
  })

  it("reads the OAuth envelope in both spellings and recognises an invalid token", () => {
    const snake = build(401, { error: "invalid_token", error_description: "Invalid access token: abc" })
    const camel = build(401, { error: "invalid_token", errorDescription: "Invalid access token: abc" })
    for (const error of [snake, camel]) {
      expect(error).toMatchObject({ kind: "auth", code: "invalid_token", envelope: "oauth" })
      expect(isInvalidTokenError(error)).toBe(true)
      expect(error.message).not.toContain("abc")
    }
  })

  it("reads the Web Form envelopes (error and field validation)", () => {
    expect(build(422, { code: "BANK_NOT_UNIQUE", description: "2 banks", timestamp: "t", endpoint: "e" })).toMatchObject({
      kind: "validation",
      code: "BANK_NOT_UNIQUE",
      envelope: "web-form",
    })
    const validation = build(400, { errors: [{ field: "bank.id", message: "must be positive" }], timestamp: "t" })
    expect(validation).toMatchObject({ kind: "validation", envelope: "web-form-validation" })
    expect(validation.message).toContain("bank.id: must be positive")
  })

  it.each([
    [423, { errors: [{ code: "LOCKED", type: "TECHNICAL", message: "busy" }], date: "d" }, "locked"],
    [429, "", "rate-limited"],
    [503, "<html>", "unavailable"],
    [422, { errors: [{ code: "ENTITY_EXISTS", type: "BUSINESS", message: "exists" }], date: "d" }, "conflict"],
    [451, { errors: [{ code: "WEB_FORM_REQUIRED", type: "BUSINESS", message: "form" }], date: "d" }, "web-form-required"],
    [403, { errors: [{ code: "UNAUTHORIZED_ACCESS", type: "BUSINESS", message: "denied" }], date: "d" }, "forbidden"],
  ])("classifies HTTP %p as %p", (status, data, kind) => {
    expect(build(status, data).kind).toBe(kind)
  })

  it("removes remembered secrets from finAPI's messages", () => {
    const redactor = new SecretRedactor()
    redactor.remember("hunter22-password")
    const error = build(400, { errors: [{ code: "BAD_REQUEST", type: "BUSINESS", message: "bad hunter22-password" }], date: "d" }, redactor)
    expect(error.message).toBe("finAPI op failed with HTTP 400 BAD_REQUEST: bad [redacted]")
  })
})
