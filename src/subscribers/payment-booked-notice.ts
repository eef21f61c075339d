import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { PAYMENT_BOOKED_EVENT } from "../workflows/booking/book-assignment"
import { notifyPaymentBookedWorkflow } from "../workflows/booking/notify-payment-booked"

type PaymentBooked = { id: string; order_id: string; transaction_id: string; amount: string; paid_in_full?: boolean | null }

/** A booked bank payment: the customer hears that the money arrived (in full or partly). */
export default async function paymentBookedNotice({ event, container }: SubscriberArgs<PaymentBooked>) {
  const { id, order_id, transaction_id, amount, paid_in_full } = event.data
  await notifyPaymentBookedWorkflow(container).run({ input: { order_id, assignment_id: id, transaction_id, amount: String(amount), paid_in_full: paid_in_full ?? null } })
}

export const config: SubscriberConfig = {
  event: PAYMENT_BOOKED_EVENT,
  context: { subscriberId: "finapi-payment-booked-notice" },
}
