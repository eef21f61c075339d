import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { capturePaymentWorkflow } from "@medusajs/medusa/core-flows"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import type BankReconciliationModuleService from "../../modules/bank-reconciliation/service"
import { bookingCaptureMarker } from "./claim-booking"

export const captureUnderClaimStepId = "capture-under-claim"

/**
 * Captures for a booking with Medusa's `capturePaymentWorkflow`, tagged with the assignment, while
 * this run's claim holds the assignment (see `captureUnderBookingClaim`): a run whose claim went
 * stale and was taken over captures nothing, and the run taking over waits until this capture is
 * committed, then records it instead of capturing again. No compensation: money taken stays taken;
 * the claim's compensation leaves the capture for the next run to record.
 */
export const captureUnderClaimStep = createStep(
  captureUnderClaimStepId,
  async (input: { assignment_id: string; claim: string; payment_id: string; amount: string }, { container }) => {
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    const payment = await service.captureUnderBookingClaim(input.assignment_id, input.claim, async () => {
      const { result } = await capturePaymentWorkflow(container).run({
        input: { payment_id: input.payment_id, amount: input.amount, captured_by: bookingCaptureMarker(input.assignment_id) },
      })
      return result
    })
    return new StepResponse(payment)
  }
)
