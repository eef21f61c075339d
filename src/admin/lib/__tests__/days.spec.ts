import { dateToDay, dayToDate } from "../days"

describe("days for the date pickers", () => {
  it("reads a day as local midnight and writes it back unchanged", () => {
    const date = dayToDate("2026-03-29")!
    expect([date.getFullYear(), date.getMonth(), date.getDate(), date.getHours()]).toEqual([2026, 2, 29, 0])
    expect(dateToDay(date)).toBe("2026-03-29")
    expect(dateToDay(new Date(2026, 0, 5, 23, 59))).toBe("2026-01-05")
  })

  it("has no date for an empty or malformed day", () => {
    expect(dayToDate(undefined)).toBeNull()
    expect(dayToDate("")).toBeNull()
    expect(dayToDate("29.03.2026")).toBeNull()
  })
})
