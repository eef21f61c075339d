import { parseExpression } from "cron-parser"

/** How often the job ticks; see jobs/import-bank-transactions.ts. */
export const SCHEDULE_TICK_MS = 60_000

/**
 * Whether the scheduled import is due at `now`: the configured cron has an occurrence after the
 * last scheduled run started (missed occurrences make one catch-up run). Before the first scheduled
 * run only an occurrence within the last tick counts, so a fresh install imports on the cron's next
 * occurrence rather than on the first tick after boot. The job itself ticks every minute because a
 * job's schedule is fixed when Medusa loads it, while the cron comes from the plugin options.
 */
export function isScheduledImportDue(cron: string, lastRunAt: Date | null, now: Date): boolean {
  const since = lastRunAt ?? new Date(now.getTime() - SCHEDULE_TICK_MS)
  const next = parseExpression(cron, { currentDate: since }).next().toDate()
  return next.getTime() <= now.getTime()
}
