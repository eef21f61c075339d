import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { matchPlacedOrderWorkflow } from "../workflows/assignment/match-placed-order"

/** A new order may be what an earlier payment was for: the payments that could be for it are matched again. */
export default async function orderPlacedRetroactiveMatching({ event, container }: SubscriberArgs<{ id: string }>) {
  await matchPlacedOrderWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "finapi-order-placed-retroactive-matching" },
}
