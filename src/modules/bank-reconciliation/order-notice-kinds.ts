import { ORDER_NOTICE_KINDS } from "./models/order-notice"

export type OrderNoticeKind = (typeof ORDER_NOTICE_KINDS)[number]

/** The unique key of a kind's notice for one order: reminders per number, partial payments per assignment. */
export const orderNoticeKey = {
  reminder: (n: number) => `reminder:${n}`,
  cancelled: () => "cancelled",
  received: () => "received",
  partial: (assignmentId: string) => `partial:${assignmentId}`,
  surplus: (transactionId: string) => `surplus:${transactionId}`,
}
