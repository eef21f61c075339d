import { bulkEntityIds } from "../bulk-entity-ids"

describe("bulk entity ids", () => {
  it("makes distinct Medusa-style ids whose ULID time part sorts by time", () => {
    const ids = bulkEntityIds("btx", 10_000, Date.parse("2026-11-21T10:00:00Z"))
    expect(new Set(ids).size).toBe(10_000)
    expect(ids[0]).toMatch(/^btx_[0-9A-HJKMNP-TV-Z]{26}$/)
    const later = bulkEntityIds("btx", 1, Date.parse("2026-11-21T10:00:01Z"))[0]
    expect(later.slice(0, 14) > ids[0].slice(0, 14)).toBe(true)
  })
})
