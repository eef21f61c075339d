import { parseExpression } from "cron-parser"

/**
 * Whether the scheduled import is due at `now`: the configured cron has an occurrence after the
 * last scheduled run started (or there has been none). The job itself ticks every minute because a
 * job's schedule is fixed when Medusa loads it, while the cron comes from the plugin options.
 */
export function isScheduledImportDue(cron: string, lastRunAt: Date | null, now: Date): boolean {
  if (!lastRunAt) {
    return true
  }
  const next = parseExpression(cron, { currentDate: lastRunAt }).next().toDate()
  return next.getTime() <= now.getTime()
}
