import type { PrepaymentOptions } from "./prepayment-options"

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * `start` plus `days` days, or plus `days` working days (Monday to Friday, in UTC) when asked:
 * an order placed on Friday with 3 working days is due on Wednesday.
 */
export function addDays(start: Date, days: number, workingDays: boolean): Date {
  if (!workingDays) {
    return new Date(start.getTime() + days * DAY_MS)
  }
  let date = new Date(start.getTime())
  let left = days
  while (left > 0) {
    date = new Date(date.getTime() + DAY_MS)
    const weekday = date.getUTCDay()
    if (weekday !== 0 && weekday !== 6) {
      left--
    }
  }
  return date
}

/** When an order placed at `placedAt` is cancelled for non-payment; null when auto-cancel is off. */
export function paymentDeadline(placedAt: Date, options: PrepaymentOptions): Date | null {
  const { afterDays } = options.autoCancel
  return afterDays === null ? null : addDays(placedAt, afterDays, options.workingDays)
}

export type DeadlineAction = { kind: "reminder"; n: number; due_at: string } | { kind: "cancel"; due_at: string }

/**
 * What is due for an unpaid order at `now`: the cancel once the deadline has passed, otherwise the
 * latest reminder whose day has come and that was not sent (earlier missed reminders are not sent
 * late, so a customer never gets two at once). `remindersSent` are the numbers already recorded.
 */
export function dueDeadlineAction(
  placedAt: Date,
  now: Date,
  options: PrepaymentOptions,
  remindersSent: number[]
): DeadlineAction | null {
  const deadline = paymentDeadline(placedAt, options)
  if (deadline && deadline <= now) {
    return { kind: "cancel", due_at: deadline.toISOString() }
  }
  const days = options.reminders.days
  for (let n = days.length; n >= 1; n--) {
    const dueAt = addDays(placedAt, days[n - 1], options.workingDays)
    if (dueAt <= now) {
      return remindersSent.some((sent) => sent >= n) ? null : { kind: "reminder", n, due_at: dueAt.toISOString() }
    }
  }
  return null
}

/** Orders placed after this instant have nothing due yet (working days only ever stretch a period). */
export function latestPlacedAtWithDueAction(now: Date, options: PrepaymentOptions): Date | null {
  const first = options.reminders.days[0] ?? options.autoCancel.afterDays
  return first === undefined || first === null ? null : new Date(now.getTime() - first * DAY_MS)
}
