import { MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import type { BookingPlan } from "../../modules/bank-reconciliation/booking-plan"
import type BankReconciliationModuleService from "../../modules/bank-reconciliation/service"
import type { AssignmentBeforeBooking } from "./prepare-booking"

export const recordBookingStepId = "record-booking"

type RecordBookingInput = {
  assignment_id: string
  transaction_id: string
  /** the booking claim this run holds */
  claim: string
  plan: BookingPlan
  /** Medusa's payment and the capture made for this assignment */
  payment_id: string
  capture_id: string | null
  /** the assignment as prepareBookingStep read it under the claim */
  before: AssignmentBeforeBooking
  /** the admin user who started the booking (null: the booking job) */
  actor_id?: string | null
}

/**
 * Marks the assignment booked with Medusa's payment and capture ids, while this run's claim holds
 * it; an overpayment's assignment shrinks to what was booked (the rest stays unassigned on the bank
 * transaction, the assigned amount kept in metadata). The transaction's booked amount and status
 * follow in the same database transaction. Compensation puts the assignment back as claimed with no
 * live claim, so the next run records the capture again (the capture itself stays: money was taken).
 */
export const recordBookingStep = createStep(
  recordBookingStepId,
  async (input: RecordBookingInput, { container }) => {
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    const { plan } = input
    const { event_id } = await service.recordAssignmentBooking({
      id: input.assignment_id,
      claim: input.claim,
      payment_collection_id: plan.payment_collection_id,
      payment_id: input.payment_id,
      capture_id: input.capture_id,
      actor_id: input.actor_id ?? null,
      ...(MathBN.gt(plan.surplus, 0) ? { amount: plan.booked_amount } : {}),
      metadata: {
        ...(input.before.metadata ?? {}),
        booking: { mode: plan.mode, assigned_amount: exactSum(plan.booked_amount, plan.surplus), captured: plan.amount, rounding: plan.rounding, surplus: plan.surplus },
      },
    })
    return new StepResponse({ capture_id: input.capture_id }, { previous: input.before, transaction_id: input.transaction_id, event_id })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    const { previous } = undo
    await service.updatePaymentAssignments({
      id: previous.id,
      // "booking", with the claim the record cleared: stale at once, the next run records the capture
      status: previous.status as "booking",
      amount: previous.amount as number,
      booked_at: previous.booked_at,
      booking_error: previous.booking_error,
      payment_collection_id: previous.payment_collection_id,
      payment_id: previous.payment_id,
      capture_id: previous.capture_id,
      metadata: previous.metadata,
    })
    await service.refreshTransactionStatuses([undo.transaction_id])
    await service.deletePaymentEventsById([undo.event_id])
  }
)

function exactSum(a: string, b: string): string {
  const sum = MathBN.add(a, b)
  return sum.toFixed(Math.max(2, sum.decimalPlaces() ?? 0))
}
