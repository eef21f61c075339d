import { isScheduledImportDue } from "../import-schedule"

describe("scheduled import", () => {
  const at = (time: string) => new Date(`2026-11-21T${time}`)

  it("waits for the cron's next occurrence before the first scheduled run", () => {
    expect(isScheduledImportDue("0 * * * *", null, at("10:17:00"))).toBe(false)
    expect(isScheduledImportDue("0 * * * *", null, at("11:00:00.200"))).toBe(true)
    expect(isScheduledImportDue("0 * * * *", null, at("11:00:59"))).toBe(true)
  })

  it("is due once the cron came round since the last scheduled run, and not before", () => {
    expect(isScheduledImportDue("0 * * * *", at("10:00:01"), at("10:59:00"))).toBe(false)
    expect(isScheduledImportDue("0 * * * *", at("10:00:01"), at("11:00:00"))).toBe(true)
    expect(isScheduledImportDue("*/15 * * * *", at("10:00:01"), at("10:15:00"))).toBe(true)
  })

  it("catches up after missed ticks with a single run", () => {
    expect(isScheduledImportDue("0 * * * *", at("06:00:01"), at("10:01:00"))).toBe(true)
  })
})
