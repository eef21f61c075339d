/** What the prepayment loop tells a customer (the `order_notice.kind` values). */
export const ORDER_NOTICE_KINDS = [
  "payment_received",
  "partial_payment_received",
  "payment_reminder",
  "cancelled_for_non_payment",
  "surplus_refunded",
] as const

export type OrderNoticeKind = (typeof ORDER_NOTICE_KINDS)[number]

/** The unique key of a kind's notice for one order: reminders per number, partial payments per assignment. */
export const orderNoticeKey = {
  reminder: (n: number) => `reminder:${n}`,
  cancelled: () => "cancelled",
  received: () => "received",
  partial: (assignmentId: string) => `partial:${assignmentId}`,
  surplus: (transactionId: string) => `surplus:${transactionId}`,
}
