import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import type BankReconciliationModuleService from "../../modules/bank-reconciliation/service"

export const recordBookingFailureStepId = "record-booking-failure"

/** Stores why booking failed on an assignment that is still confirmed (not claimed or booked since); compensation puts the old reason back. */
export const recordBookingFailureStep = createStep(
  recordBookingFailureStepId,
  async (input: { assignment_id: string; reason: string }, { container }) => {
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    const previous = await service.retrievePaymentAssignment(input.assignment_id, { select: ["id", "status", "booking_error"] })
    if (previous.status !== "confirmed") {
      return new StepResponse(undefined)
    }
    await service.updatePaymentAssignments({ id: input.assignment_id, booking_error: input.reason })
    return new StepResponse(undefined, { id: previous.id, booking_error: previous.booking_error })
  },
  async (previous, { container }) => {
    if (previous) {
      await container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE).updatePaymentAssignments(previous)
    }
  }
)
