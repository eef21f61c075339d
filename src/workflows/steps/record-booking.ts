import { MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import type { BookingPlan } from "../../modules/bank-reconciliation/booking-plan"
import type BankReconciliationModuleService from "../../modules/bank-reconciliation/service"
import type { AssignmentBeforeBooking } from "./prepare-booking"

export const recordBookingStepId = "record-booking"

type CapturedPayment = { id: string; captures?: { id: string; created_at?: Date | string | null }[] | null }

type RecordBookingInput = {
  assignment_id: string
  transaction_id: string
  plan: BookingPlan
  /** the payment as capturePaymentWorkflow returned it, with its captures */
  payment: CapturedPayment
  /** the assignment as prepareBookingStep read it under the lock */
  before: AssignmentBeforeBooking
}

/**
 * Marks the assignment booked with Medusa's payment and capture ids; an overpayment's assignment
 * shrinks to what was captured (the rest stays unassigned on the bank transaction, the assigned
 * amount kept in metadata). The transaction's booked amount and status follow in the same database
 * transaction. Compensation puts the assignment back.
 */
export const recordBookingStep = createStep(
  recordBookingStepId,
  async (input: RecordBookingInput, { container }) => {
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    const capture = [...(input.payment.captures ?? [])].sort((a, b) => +new Date(b.created_at as Date) - +new Date(a.created_at as Date))[0]
    const { plan } = input
    await service.recordAssignmentBooking({
      id: input.assignment_id,
      payment_collection_id: plan.payment_collection_id,
      payment_id: input.payment.id,
      capture_id: capture?.id ?? null,
      ...(MathBN.gt(plan.surplus, 0) ? { amount: plan.amount } : {}),
      metadata: {
        ...(input.before.metadata ?? {}),
        booking: { mode: plan.mode, assigned_amount: MathBN.add(plan.amount, plan.surplus).toFixed(2), surplus: plan.surplus },
      },
    })
    return new StepResponse({ capture_id: capture?.id ?? null }, { previous: input.before, transaction_id: input.transaction_id })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    const { previous } = undo
    await service.updatePaymentAssignments({
      id: previous.id,
      status: previous.status as "confirmed",
      amount: previous.amount as number,
      booked_at: previous.booked_at,
      booking_error: previous.booking_error,
      payment_collection_id: previous.payment_collection_id,
      payment_id: previous.payment_id,
      capture_id: previous.capture_id,
      metadata: previous.metadata,
    })
    await service.refreshTransactionStatuses([undo.transaction_id])
  }
)
