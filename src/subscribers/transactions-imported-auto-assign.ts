import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { TRANSACTIONS_IMPORTED_EVENT } from "../workflows/import/import-bank-transactions"
import { matchPendingTransactions } from "../workflows/assignment/match-imported-transactions"

let draining: Promise<void> | null = null
let woken = false

/**
 * The event only wakes the matching: which payments need it is stored with them (`needs_matching`),
 * so an import emitting hundreds of events starts one pass per process, and payments whose event was
 * lost (crash, another process) are matched by the next pass or the job `finapi-match-imported-transactions`.
 */
function wake(container: MedusaContainer): Promise<void> {
  woken = true
  draining ??= (async () => {
    while (woken) {
      woken = false
      await matchPendingTransactions(container)
    }
  })()
    .catch((error) => {
      // left needing matching: the job tries again within a minute
      container.resolve<Logger>(ContainerRegistrationKeys.LOGGER).error(`Automatic assignment of imported payments failed: ${(error as Error).message}`)
    })
    .finally(() => {
      draining = null
    })
  return draining
}

/** Newly imported payments are matched at once; held-back duplicates wait for the operator. */
export default async function transactionsImportedAutoAssign({ event, container }: SubscriberArgs<{ ids?: string[] }>) {
  if (event.data.ids?.length) {
    await wake(container)
  }
}

export const config: SubscriberConfig = {
  event: TRANSACTIONS_IMPORTED_EVENT,
  context: { subscriberId: "finapi-transactions-imported-auto-assign" },
}
