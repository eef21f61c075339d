import { model } from "@medusajs/framework/utils"

export const PAYMENT_EVENT_KINDS = [
  "suggested",
  "assigned",
  "confirmed",
  "amount_changed",
  "rejected",
  "removed",
  "ignored",
  "unignored",
  "booked",
] as const
export type PaymentEventKind = (typeof PAYMENT_EVENT_KINDS)[number]

/**
 * One step in a payment's audit trail: who (the engine or an admin user) did what, when, for which
 * order. Keyed by the transaction id without a relation, so removing or rejecting an assignment
 * never deletes its history. The import itself is the transaction's own row (sync run, created_at).
 */
export const PaymentEvent = model
  .define("payment_event", {
    id: model.id({ prefix: "pevt" }).primaryKey(),
    transaction_id: model.text(),
    kind: model.enum([...PAYMENT_EVENT_KINDS]),
    actor_type: model.enum(["engine", "user"]),
    actor_id: model.text().nullable(),
    assignment_id: model.text().nullable(),
    order_id: model.text().nullable(),
    amount: model.bigNumber().nullable(),
    confidence: model.float().nullable(),
    details: model.json().nullable(),
  })
  .indexes([{ name: "IDX_payment_event_transaction_id", on: ["transaction_id"] }])
