import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { storeOrderPaymentReferenceWorkflow } from "../workflows/store-order-payment-reference"

/** Every placed order gets a payment reference, so an incoming transfer can be matched to it. */
export default async function orderPlacedPaymentReference({ event, container }: SubscriberArgs<{ id: string }>) {
  await storeOrderPaymentReferenceWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "finapi-order-placed-payment-reference" },
}
