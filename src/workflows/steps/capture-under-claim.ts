import type { PaymentDTO } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { capturePaymentWorkflow } from "@medusajs/medusa/core-flows"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import type BankReconciliationModuleService from "../../modules/bank-reconciliation/service"
import { bookLinePaymentWorkflow } from "../booking/book-line-payment"
import { bookingCaptureMarker, findBookingCaptures } from "./claim-booking"
import type { PlannedBooking } from "./plan-bookings"

export const captureUnderClaimStepId = "capture-under-claim"

/** How many captures of a batch run side by side (each line is a different order). */
export const CAPTURES_AT_ONCE = 4

export type CaptureOutcome = { assignment_id: string; payment_id: string | null; capture_id: string | null; failed: string | null }

const TAKEN_OVER = (id: string) =>
  `Assignment ${id} was taken over by another booking run (this run's claim had gone stale); this run captured nothing. Reload the list.`

/**
 * Captures a batch's planned lines while this run's claims hold their assignments (see
 * `captureUnderBookingClaims`): a line whose claim went stale and was taken over captures nothing,
 * and a run taking over waits until these captures are committed, then records them instead of
 * capturing again. Each line captures with Medusa's `capturePaymentWorkflow`, tagged with its
 * assignment, CAPTURES_AT_ONCE at a time; a line that must authorize first runs bookLinePaymentWorkflow
 * (which puts its collection back if the capture fails). A failed line fails alone, with the reason;
 * a line whose capture was made although its run reported an error counts as captured. No
 * compensation: money taken stays taken; the claim's compensation leaves captures to be recorded.
 */
export const captureUnderClaimStep = createStep(captureUnderClaimStepId, async (input: { claim: string; bookings: PlannedBooking[] }, { container }) => {
  const lines = input.bookings.filter((b) => b.plan && b.plan.mode !== "resumed")
  if (!lines.length) {
    return new StepResponse<CaptureOutcome[]>([])
  }
  const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
  const outcomes = await service.captureUnderBookingClaims(
    lines.map((line) => line.assignment_id),
    input.claim,
    async (held) => {
      const ours = new Set(held)
      const results: CaptureOutcome[] = lines.map((line) => ({ assignment_id: line.assignment_id, payment_id: null, capture_id: null, failed: ours.has(line.assignment_id) ? null : TAKEN_OVER(line.assignment_id) }))
      const todo = results.filter((r) => !r.failed)
      let next = 0
      await Promise.all(
        Array.from({ length: Math.min(CAPTURES_AT_ONCE, todo.length) }, async () => {
          while (next < todo.length) {
            const result = todo[next++]
            Object.assign(result, await captureLine(container, lines.find((line) => line.assignment_id === result.assignment_id)!))
          }
        })
      )
      return results
    }
  )
  return new StepResponse(outcomes)
})

async function captureLine(container: Parameters<Parameters<typeof createStep>[1]>[1]["container"], line: PlannedBooking): Promise<Omit<CaptureOutcome, "assignment_id">> {
  const plan = line.plan!
  const marker = bookingCaptureMarker(line.assignment_id)
  const { result, errors } =
    plan.mode === "capture_authorized"
      ? await capturePaymentWorkflow(container).run({ input: { payment_id: plan.payment_id!, amount: plan.amount, captured_by: marker }, throwOnError: false })
      : await bookLinePaymentWorkflow(container).run({ input: { assignment_id: line.assignment_id, plan, collection_before: line.collection_before! }, throwOnError: false })
  const payment = result as PaymentDTO | undefined
  if (!errors?.length && payment) {
    return { payment_id: payment.id, capture_id: payment.captures?.find((c) => (c as { created_by?: string }).created_by === marker)?.id ?? null, failed: null }
  }
  // the capture may have been made before a later step failed: then it is this line's booking
  const made = (await findBookingCaptures(container, [line.assignment_id]))[line.assignment_id]
  if (made) {
    return { payment_id: made.payment_id, capture_id: made.id, failed: null }
  }
  return { payment_id: null, capture_id: null, failed: errors?.[0]?.error?.message ?? "The capture did not finish; try again." }
}
