import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { PAYMENT_BOOKED_EVENT } from "../workflows/booking/book-assignment"
import { refreshOpenOrderSearchIn } from "../workflows/matching/open-order-search-text"

/**
 * The open-order search's projection follows what its text is made of: an updated order (number,
 * invoice number, reference, e-mail, billing address), a changed customer (name, company, e-mail) and
 * a booked bank payment (what the order owes).
 * Placed orders: order-placed-payment-reference.ts, after their reference is stored.
 */
export default async function openOrderSearchText({ event, container }: SubscriberArgs<{ id: string; order_id?: string }>) {
  await refreshOpenOrderSearchIn(
    container,
    event.name === "customer.updated" ? { customerIds: [event.data.id] } : { orderIds: [event.name === PAYMENT_BOOKED_EVENT ? event.data.order_id! : event.data.id] }
  )
}

export const config: SubscriberConfig = {
  event: ["order.updated", "customer.updated", PAYMENT_BOOKED_EVENT],
  context: { subscriberId: "finapi-open-order-search-text" },
}
