import { MedusaContainer } from "@medusajs/framework/types"
import { runScheduledBankImportWorkflow } from "../workflows/import/run-scheduled-bank-import"

/**
 * Imports incoming payments on the cron of the plugin option `sync.schedule` (default hourly).
 * A job's schedule is fixed when Medusa loads the file, before plugin options can be read, so the job
 * ticks every minute and the workflow decides whether the configured cron is due since the last
 * scheduled run. `concurrency: "forbid"` keeps ticks from overlapping; the per-account lock in the
 * import keeps two Medusa workers off the same account.
 */
export default async function importBankTransactionsJob(container: MedusaContainer) {
  await runScheduledBankImportWorkflow(container).run({ input: {} })
}

export const config = {
  name: "finapi-import-bank-transactions",
  schedule: { cron: "* * * * *", concurrency: "forbid" as const },
}
