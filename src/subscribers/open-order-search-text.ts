import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { refreshOpenOrderSearchIn } from "../workflows/matching/open-order-search-text"

/**
 * The open-order search's projection follows what its text is made of: an updated order (number,
 * invoice number, reference, e-mail, billing address) and a changed customer (name, company, e-mail).
 * Placed orders: order-placed-payment-reference.ts, after their reference is stored.
 */
export default async function openOrderSearchText({ event, container }: SubscriberArgs<{ id: string }>) {
  await refreshOpenOrderSearchIn(container, event.name === "customer.updated" ? { customerIds: [event.data.id] } : { orderIds: [event.data.id] })
}

export const config: SubscriberConfig = {
  event: ["order.updated", "customer.updated"],
  context: { subscriberId: "finapi-open-order-search-text" },
}
