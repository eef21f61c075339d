import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { autoAssignTransactionsWorkflow } from "../workflows/auto-assign-transactions"
import { TRANSACTIONS_IMPORTED_EVENT } from "../workflows/import-bank-transactions"

/** Newly imported payments are matched at once; held-back duplicates wait for the operator. */
export default async function transactionsImportedAutoAssign({ event, container }: SubscriberArgs<{ ids?: string[] }>) {
  const ids = event.data.ids ?? []
  if (!ids.length) {
    return
  }
  await autoAssignTransactionsWorkflow(container).run({ input: { transaction_ids: ids } })
}

export const config: SubscriberConfig = {
  event: TRANSACTIONS_IMPORTED_EVENT,
  context: { subscriberId: "finapi-transactions-imported-auto-assign" },
}
