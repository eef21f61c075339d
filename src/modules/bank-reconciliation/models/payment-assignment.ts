import { model } from "@medusajs/framework/utils"
import { BankTransaction } from "./bank-transaction"

// "booking": claimed by one booking run (conditional update confirmed → booking) until it records the capture
export const PAYMENT_ASSIGNMENT_STATUSES = ["proposed", "confirmed", "booking", "booked", "rejected"] as const

/** A share of a bank transaction assigned to one order; booked into Medusa exactly once. */
export const PaymentAssignment = model
  .define("payment_assignment", {
    id: model.id({ prefix: "pasg" }).primaryKey(),
    order_id: model.text(),
    customer_id: model.text().nullable(),
    amount: model.bigNumber(),
    currency_code: model.text(),
    source: model.enum(["auto", "manual"]),
    confidence: model.float().nullable(),
    evidence: model.json().nullable(),
    status: model.enum([...PAYMENT_ASSIGNMENT_STATUSES]).default("proposed"),
    confirmed_at: model.dateTime().nullable(),
    confirmed_by: model.text().nullable(),
    booked_at: model.dateTime().nullable(),
    booking_error: model.text().nullable(),
    // the booking run holding the claim, and since when: a claim older than booking.staleClaimSeconds is taken over
    booking_claim: model.text().nullable(),
    booking_claimed_at: model.dateTime().nullable(),
    payment_collection_id: model.text().nullable(),
    payment_id: model.text().nullable(),
    capture_id: model.text().nullable(),
    created_by: model.text().nullable(),
    metadata: model.json().nullable(),
    transaction: model.belongsTo(() => BankTransaction, { mappedBy: "assignments" }),
  })
  .indexes([
    { name: "IDX_payment_assignment_order_id", on: ["order_id"] },
    { name: "IDX_payment_assignment_customer_id", on: ["customer_id"] },
    { name: "IDX_payment_assignment_status", on: ["status"] },
    // one Medusa capture books one assignment, whoever records it
    { name: "IDX_payment_assignment_capture_id_unique", on: ["capture_id"], unique: true, where: "capture_id IS NOT NULL" },
  ])
  .checks([
    { name: "payment_assignment_amount_positive", expression: (columns) => `${columns.amount} > 0` },
  ])
