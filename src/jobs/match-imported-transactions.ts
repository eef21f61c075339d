import { MedusaContainer } from "@medusajs/framework/types"
import { matchPendingTransactions } from "../workflows/assignment/match-imported-transactions"

/**
 * The safety net of the hand-off from import to matching: payments stored but not yet matched
 * (their process stopped, or the import ran elsewhere) are matched within a minute.
 */
export default async function matchImportedTransactionsJob(container: MedusaContainer) {
  await matchPendingTransactions(container)
}

export const config = {
  name: "finapi-match-imported-transactions",
  schedule: { cron: "* * * * *", concurrency: "forbid" as const },
}
