import { advanceCursor, isSettledPage, transactionQueryFor } from "../import-window"

const cursor = new Date("2026-11-20T10:00:00.000Z")

describe("import window", () => {
  it("reads incoming transactions newest first, from the cursor minus the overlap", () => {
    expect(transactionQueryFor({ finapiAccountId: 2001, cursor, overlapDays: 2, perPage: 500 })).toEqual({
      view: "bankView",
      accountIds: [2001],
      direction: "income",
      order: ["importDate,desc", "id,desc"],
      perPage: 500,
      minImportDate: "2026-11-18",
    })
  })

  it("reads everything on the first import, and exactly the booking-date window when one is given", () => {
    expect(transactionQueryFor({ finapiAccountId: 1, cursor: null, overlapDays: 2, perPage: 20 }).minImportDate).toBeUndefined()
    const windowed = transactionQueryFor({ finapiAccountId: 1, cursor, overlapDays: 2, perPage: 20, window: { from: "2026-10-01", to: "2026-10-31" } })
    expect(windowed).toMatchObject({ minBankBookingDate: "2026-10-01", maxBankBookingDate: "2026-10-31" })
    expect(windowed.minImportDate).toBeUndefined()
  })

  it("stops only on a page that brought nothing new and reaches back to the cursor", () => {
    const page = { cursor, windowed: false, insertedOnPage: 0, oldestImportDateOnPage: "2026-11-20T11:00:00.000+0100" }
    expect(isSettledPage(page)).toBe(true)
    expect(isSettledPage({ ...page, insertedOnPage: 1 })).toBe(false)
    expect(isSettledPage({ ...page, oldestImportDateOnPage: "2026-11-20T10:00:01.000Z" })).toBe(false)
    expect(isSettledPage({ ...page, cursor: null })).toBe(false)
    expect(isSettledPage({ ...page, windowed: true })).toBe(false)
  })

  it("moves the cursor to the newest import date seen, never back", () => {
    expect(advanceCursor(cursor, ["2026-11-19T08:00:00.000+0100", "2026-11-21T08:00:00.000+0100"])).toEqual(new Date("2026-11-21T07:00:00.000Z"))
    expect(advanceCursor(cursor, ["2026-11-01T08:00:00.000+0100"])).toEqual(cursor)
    expect(advanceCursor(null, [])).toBeNull()
  })
})
