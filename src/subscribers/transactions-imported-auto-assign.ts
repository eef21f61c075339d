import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { autoAssignTransactionsWorkflow } from "../workflows/auto-assign-transactions"
import { TRANSACTIONS_IMPORTED_EVENT } from "../workflows/import-bank-transactions"

/** Payments matched per auto-assign run: each run loads the open orders once, so fewer, larger runs. */
export const AUTO_ASSIGN_BATCH = 5_000

const queued = new Set<string>()
let draining: Promise<void> | null = null

/**
 * Runs auto-assign over what is queued, one batch after the other. An import emits one event per
 * 500 new payments, all at once; starting a workflow per event would queue hundreds of runs on the
 * auto-assign lock (each loading every open order) until the later ones time out. A failed batch is
 * logged and left unassigned (the next import, an order placed, or "Assign automatically" retries);
 * the rest go on.
 */
async function drain(container: MedusaContainer) {
  const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  while (queued.size) {
    const batch = [...queued].slice(0, AUTO_ASSIGN_BATCH)
    batch.forEach((id) => queued.delete(id))
    try {
      await autoAssignTransactionsWorkflow(container).run({ input: { transaction_ids: batch } })
    } catch (error) {
      logger.error(`Automatic assignment of ${batch.length} imported payments failed: ${(error as Error).message}`)
    }
  }
}

function startDraining(container: MedusaContainer): Promise<void> {
  draining ??= drain(container).finally(() => {
    draining = null
    // ids queued while the last batch finished
    if (queued.size) {
      void startDraining(container)
    }
  })
  return draining
}

/** Resolves when every payment queued in this process has been through auto-assign. */
export async function autoAssignQueueIdle(): Promise<void> {
  while (draining) {
    await draining
  }
}

/** Newly imported payments are matched at once; held-back duplicates wait for the operator. */
export default async function transactionsImportedAutoAssign({ event, container }: SubscriberArgs<{ ids?: string[] }>) {
  const ids = event.data.ids ?? []
  if (!ids.length) {
    return
  }
  ids.forEach((id) => queued.add(id))
  await startDraining(container)
}

export const config: SubscriberConfig = {
  event: TRANSACTIONS_IMPORTED_EVENT,
  context: { subscriberId: "finapi-transactions-imported-auto-assign" },
}
