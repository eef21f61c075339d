import { model } from "@medusajs/framework/utils"
import { ORDER_NOTICE_KINDS } from "../order-notice-kinds"

/**
 * One step of the prepayment loop that happened to an order (a reminder, the cancel for non-payment,
 * a payment or refund notice), recorded before the customer's notification is sent. The unique
 * (order_id, key) makes each step happen once, however many jobs or instances run it at the same time.
 */
export const OrderNotice = model
  .define("order_notice", {
    id: model.id({ prefix: "onot" }).primaryKey(),
    order_id: model.text(),
    kind: model.enum([...ORDER_NOTICE_KINDS]),
    // what makes the step unique per order: "reminder:2", "cancelled", "received", "partial:<assignment id>"
    key: model.text(),
    // the shop's template; null when none is configured (recorded, nothing sent)
    template: model.text().nullable(),
    notification_id: model.text().nullable(),
    data: model.json().nullable(),
    happened_at: model.dateTime(),
  })
  .indexes([{ name: "IDX_order_notice_order_key_unique", on: ["order_id", "key"], unique: true }])
