/**
 * finAPI speaks German time: V2 dates are `YYYY-MM-DD`, Access timestamps RFC 3339
 * with a colon offset (`+01:00`), Web Form timestamps `+0100` without the colon.
 */
const DAY_MS = 86_400_000

const berlinParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Berlin",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
})

function berlinWallClock(ms: number): { date: string; time: string; offsetMinutes: number } {
  const parts = Object.fromEntries(berlinParts.formatToParts(new Date(ms)).map((p) => [p.type, p.value]))
  const date = `${parts.year}-${parts.month}-${parts.day}`
  const time = `${parts.hour}:${parts.minute}:${parts.second}`
  const wallMs = Date.parse(`${date}T${time}Z`)
  const offsetMinutes = Math.round((wallMs - (ms - (ms % 1000))) / 60_000)
  return { date, time, offsetMinutes }
}

function formatOffset(minutes: number, separator: string): string {
  const sign = minutes < 0 ? "-" : "+"
  const abs = Math.abs(minutes)
  const hh = String(Math.floor(abs / 60)).padStart(2, "0")
  const mm = String(abs % 60).padStart(2, "0")
  return `${sign}${hh}${separator}${mm}`
}

function withMillis(ms: number, separator: string): string {
  const { date, time, offsetMinutes } = berlinWallClock(ms)
  const millis = String(((ms % 1000) + 1000) % 1000).padStart(3, "0")
  return `${date}T${time}.${millis}${formatOffset(offsetMinutes, separator)}`
}

/** Access API timestamp, e.g. `2026-11-21T14:39:02.123+01:00`. */
export function accessTimestamp(ms: number): string {
  return withMillis(ms, ":")
}

/** Web Form API timestamp, e.g. `2026-11-21T14:39:02.123+0100`. */
export function webFormTimestamp(ms: number): string {
  return withMillis(ms, "")
}

/** The German calendar date of an instant, `YYYY-MM-DD`. */
export function germanDate(ms: number): string {
  return berlinWallClock(ms).date
}

/** Days since 1970-01-01 for a `YYYY-MM-DD` date; cheap to store and compare. */
export function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS)
}

export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

export function isCalendarDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && dateOfDay(dayNumber(text)) === text
}

export const MINUTE_MS = 60_000
export { DAY_MS }
