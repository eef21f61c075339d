import type { BigNumberInput as MoneyInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { currencyDigits } from "../../lib/money"
import { bookingAmounts, isRefusal, planBooking, type BookingPlan } from "../../modules/bank-reconciliation/booking-plan"
import type { BookedAssignmentBefore, ClaimedAssignment } from "../../modules/bank-reconciliation/types"
import type { BookingCapture, ClaimedBatch } from "./claim-booking"
import { paymentCollectionState, type PaymentCollectionState } from "./guard-payment-collection"
import type { BookingReads } from "./read-booking-orders"

export const planBookingsStepId = "plan-bookings"

export type PlannedBooking = {
  assignment_id: string
  order_id: string
  transaction_id: string
  /** what to capture and how (mode "resumed": record `existing_capture`, capture nothing); null when refused */
  plan: BookingPlan | null
  /** why this line cannot be booked, for the operator */
  refused: string | null
  /** the capture a run that died made and did not record */
  existing_capture: BookingCapture | null
  /** the assignment as the claim read it under its row lock: what undoing the record puts back */
  before: BookedAssignmentBefore
  /** whether the order owes nothing once this capture is made (null: not known, a resumed booking) */
  paid_in_full: boolean | null
  /** the plan's payment collection as read for this batch, for guardPaymentCollectionStep */
  collection_before: PaymentCollectionState | null
}

/**
 * Plans each claimed line of a batch from what readBookingOrdersStep read (no reads here): records
 * the capture of a run that died; otherwise what to capture and how, never more than the order owes,
 * or a refusal saying what to do (an order that cannot take the money, or one authorized by a
 * provider a transfer must not capture). A refusal fails its line only.
 */
export const planBookingsStep = createStep(planBookingsStepId, async (input: { claimed: ClaimedBatch; reads: BookingReads }) => {
  const bookings = input.claimed.lines.flatMap((line) => (line.outcome === "claimed" ? [planLine(line.assignment, input.reads)] : []))
  return new StepResponse(bookings)
})

function planLine(assignment: ClaimedAssignment, reads: BookingReads): PlannedBooking {
  const before: BookedAssignmentBefore = {
    id: assignment.id,
    amount: assignment.amount,
    booked_at: assignment.booked_at ?? null,
    booking_error: assignment.booking_error ?? null,
    payment_collection_id: assignment.payment_collection_id ?? null,
    payment_id: assignment.payment_id ?? null,
    capture_id: assignment.capture_id ?? null,
    metadata: (assignment.metadata as Record<string, unknown> | null) ?? null,
  }
  const line = { assignment_id: assignment.id, order_id: assignment.order_id, transaction_id: assignment.transaction_id, before, existing_capture: null, paid_in_full: null, collection_before: null }
  const capture = reads.captures[assignment.id]
  if (capture) {
    const amounts = bookingAmounts(assignment.amount, assignment.amount, capture.amount, currencyDigits(assignment.currency_code), capture.amount)
    const plan: BookingPlan = { mode: "resumed", payment_collection_id: capture.payment_collection_id, payment_id: capture.payment_id, payment_session_id: null, ...amounts, system_session: null }
    return { ...line, plan, refused: null, existing_capture: capture }
  }
  const order = reads.orders[assignment.order_id]
  if (!order) {
    return { ...line, plan: null, refused: `Order ${assignment.order_id} was not found; remove this assignment and assign the payment again.` }
  }
  const plan = planBooking(order, { amount: assignment.amount, currency_code: assignment.currency_code }, reads.capturable_providers)
  if (isRefusal(plan)) {
    return { ...line, plan: null, refused: plan.refused }
  }
  const collection = order.payment_collections!.find((c) => c!.id === plan.payment_collection_id)!
  const summary = (order.summary ?? {}) as Record<string, MoneyInput | undefined>
  const pending = summary.raw_pending_difference ?? summary.pending_difference
  return {
    ...line,
    plan,
    refused: null,
    paid_in_full: pending === undefined ? null : MathBN.lte(MathBN.sub(pending, plan.amount), 0),
    collection_before: { ...paymentCollectionState(collection as Parameters<typeof paymentCollectionState>[0]), assignment_id: assignment.id },
  }
}
