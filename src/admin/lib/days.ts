/** "2026-11-29" → that day at local midnight (what a date picker shows); null for "" or nonsense. */
export function dayToDate(day: string | undefined): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day ?? "")
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : null
}

/** A picked date → "2026-11-29" (its local calendar day, never shifted by the time zone). */
export function dateToDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0")
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}
