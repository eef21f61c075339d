import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { autoAssignTransactionsWorkflow } from "../workflows/auto-assign-transactions"

/**
 * A new order may be what an earlier payment was for: the payments that are still unassigned (or
 * only proposed) are matched again.
 */
export default async function orderPlacedRetroactiveMatching({ container }: SubscriberArgs<{ id: string }>) {
  await autoAssignTransactionsWorkflow(container).run({ input: {} })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "finapi-order-placed-retroactive-matching" },
}
