import { backoffDelayMs, isRetryable, parseRetryAfterMs } from "../retry-policy"

const get = { idempotent: true, retryOnLocked: true }
const post = { idempotent: false, retryOnLocked: true }

describe("retry policy", () => {
  it.each([429, 423, 500, 502, 503, 504])("retries a read answered with %p", (status) => {
    expect(isRetryable({ ...get, status })).toBe(true)
  })

  it.each([400, 401, 403, 404, 422, 501, 510])("does not retry a read answered with %p", (status) => {
    expect(isRetryable({ ...get, status })).toBe(false)
  })

  it("retries a POST only when finAPI refused it (429, 423) or the connection never opened", () => {
    expect(isRetryable({ ...post, status: 429 })).toBe(true)
    expect(isRetryable({ ...post, status: 423 })).toBe(true)
    expect(isRetryable({ ...post, networkCode: "ECONNREFUSED" })).toBe(true)
    expect(isRetryable({ ...post, status: 500 })).toBe(false)
    expect(isRetryable({ ...post, status: 503 })).toBe(false)
    expect(isRetryable({ ...post, networkCode: "ECONNRESET" })).toBe(false)
    expect(isRetryable({ ...post, networkCode: "ETIMEDOUT" })).toBe(false)
  })

  it("does not retry a 423 where it means a locked user (token endpoint)", () => {
    expect(isRetryable({ idempotent: true, retryOnLocked: false, status: 423 })).toBe(false)
  })

  it("grows the backoff exponentially with jitter and caps it", () => {
    const options = { maxAttempts: 10, baseDelayMs: 100, maxDelayMs: 1_000 }
    expect(backoffDelayMs(1, options, () => 0)).toBe(50)
    expect(backoffDelayMs(1, options, () => 1)).toBe(100)
    expect(backoffDelayMs(3, options, () => 1)).toBe(400)
    expect(backoffDelayMs(8, options, () => 1)).toBe(1_000)
  })

  it("reads Retry-After as seconds or as an HTTP date", () => {
    const now = Date.parse("2024-08-01T10:00:00Z")
    expect(parseRetryAfterMs("2", now)).toBe(2_000)
    expect(parseRetryAfterMs("Thu, 01 Aug 2024 10:00:05 GMT", now)).toBe(5_000)
    expect(parseRetryAfterMs("Thu, 01 Aug 2024 09:00:00 GMT", now)).toBe(0)
    expect(parseRetryAfterMs("soon", now)).toBeUndefined()
    expect(parseRetryAfterMs(undefined, now)).toBeUndefined()
  })
})
