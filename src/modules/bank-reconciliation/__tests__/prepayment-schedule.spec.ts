import { prepaymentOptionsSchema } from "../prepayment-options"
import { addDays, dueDeadlineAction, latestPlacedAtWithDueAction, paymentDeadline } from "../prepayment-schedule"

const options = (input: unknown) => prepaymentOptionsSchema.parse(input)
const at = (iso: string) => new Date(iso)
// Friday, 2026-11-06, 10:00 UTC
const placed = at("2026-11-06T10:00:00Z")

describe("prepayment deadlines", () => {
  it("counts calendar days, or working days skipping the weekend", () => {
    expect(addDays(placed, 3, false).toISOString()).toBe("2026-11-09T10:00:00.000Z")
    expect(addDays(placed, 3, true).toISOString()).toBe("2026-11-11T10:00:00.000Z")
    expect(addDays(placed, 5, true).toISOString()).toBe("2026-11-13T10:00:00.000Z")
  })

  it("has no deadline unless auto-cancel is configured", () => {
    expect(paymentDeadline(placed, options({}))).toBeNull()
    expect(paymentDeadline(placed, options({ autoCancel: { afterDays: 14 } }))!.toISOString()).toBe("2026-11-20T10:00:00.000Z")
  })

  it("sends reminder 1 on its day, reminder 2 on its day, and each only once", () => {
    const o = options({ reminders: { days: [3, 7] }, autoCancel: { afterDays: 14 } })
    expect(dueDeadlineAction(placed, at("2026-11-09T09:59:59Z"), o, [])).toBeNull()
    expect(dueDeadlineAction(placed, at("2026-11-09T10:00:00Z"), o, [])).toEqual({ kind: "reminder", n: 1, due_at: "2026-11-09T10:00:00.000Z" })
    expect(dueDeadlineAction(placed, at("2026-11-10T00:00:00Z"), o, [1])).toBeNull()
    expect(dueDeadlineAction(placed, at("2026-11-13T10:00:00Z"), o, [1])).toMatchObject({ kind: "reminder", n: 2 })
    expect(dueDeadlineAction(placed, at("2026-11-15T10:00:00Z"), o, [1, 2])).toBeNull()
    expect(dueDeadlineAction(placed, at("2026-11-20T10:00:00Z"), o, [1, 2])).toEqual({ kind: "cancel", due_at: "2026-11-20T10:00:00.000Z" })
  })

  it("sends only the latest missed reminder, never two at once", () => {
    const o = options({ reminders: { days: [3, 7] } })
    expect(dueDeadlineAction(placed, at("2026-11-30T00:00:00Z"), o, [])).toMatchObject({ kind: "reminder", n: 2 })
    expect(dueDeadlineAction(placed, at("2026-11-30T00:00:00Z"), o, [2])).toBeNull()
  })

  it("looks only at orders old enough for their first step", () => {
    expect(latestPlacedAtWithDueAction(at("2026-11-30T00:00:00Z"), options({ reminders: { days: [3] } }))!.toISOString()).toBe("2026-11-27T00:00:00.000Z")
    expect(latestPlacedAtWithDueAction(at("2026-11-30T00:00:00Z"), options({}))).toBeNull()
  })

  it("refuses reminders that are not ascending and a deadline before the last reminder, naming the field", () => {
    expect(prepaymentOptionsSchema.safeParse({ reminders: { days: [7, 3] } }).error?.issues[0]).toMatchObject({ path: ["reminders", "days"] })
    expect(prepaymentOptionsSchema.safeParse({ reminders: { days: [3, 7] }, autoCancel: { afterDays: 7 } }).error?.issues[0]).toMatchObject({
      path: ["autoCancel", "afterDays"],
    })
  })
})
