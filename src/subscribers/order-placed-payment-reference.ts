import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { refreshOpenOrderSearchIn } from "../workflows/matching/open-order-search-text"
import { storeOrderPaymentReferenceWorkflow } from "../workflows/checkout/store-order-payment-reference"

/**
 * Every placed order gets a payment reference, so an incoming transfer can be matched to it; then
 * its row in the open-order search's projection (the reference is part of the text).
 */
export default async function orderPlacedPaymentReference({ event, container }: SubscriberArgs<{ id: string }>) {
  await storeOrderPaymentReferenceWorkflow(container).run({ input: { order_id: event.data.id } })
  await refreshOpenOrderSearchIn(container, { orderIds: [event.data.id] })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "finapi-order-placed-payment-reference" },
}
