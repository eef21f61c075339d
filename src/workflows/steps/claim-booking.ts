import type { IPaymentModuleService } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { randomUUID } from "crypto"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import type BankReconciliationModuleService from "../../modules/bank-reconciliation/service"
import type { ClaimedAssignment } from "../../modules/bank-reconciliation/service"

export const claimBookingStepId = "claim-booking"

/** What a booking's capture carries as `captured_by`: finds a capture a run made but did not record. */
export function bookingCaptureMarker(assignmentId: string): string {
  return `finapi-booking:${assignmentId}`
}

/** The capture made for an assignment, if any (there is at most one: only the claim's holder captures). */
export async function findBookingCapture(container: { resolve<T>(key: string): T }, assignmentId: string) {
  const payments = container.resolve<IPaymentModuleService>(Modules.PAYMENT)
  const [capture] = await payments.listCaptures({ created_by: bookingCaptureMarker(assignmentId) } as never, { select: ["id", "amount", "created_by"], relations: ["payment"] })
  return capture ?? null
}

export type BookingClaimHeld = { claim: string; already_booked: boolean; resumed: boolean; assignment: ClaimedAssignment }

/**
 * Claims the assignment for this run before anything is captured (confirmed → booking, in its own
 * database transaction; a claim older than `booking.staleClaimSeconds` is taken over). The database,
 * not the lock, makes the booking happen once: a run that does not get the claim captures nothing.
 * Compensation gives the claim back, or, when this run's capture was made, keeps it for the next
 * run to record that capture.
 */
export const claimBookingStep = createStep(
  claimBookingStepId,
  async (input: { assignment_id: string }, { container }) => {
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    const { staleClaimSeconds } = (await service.getOptions()).booking
    const claim = randomUUID()
    const found = await service.claimAssignmentBooking(input.assignment_id, claim, new Date(Date.now() - staleClaimSeconds * 1000))
    if (found.outcome === "busy") {
      throw new MedusaError(MedusaError.Types.CONFLICT, "This payment is being booked right now by another run; reload the list in a moment.")
    }
    const held: BookingClaimHeld = { claim, already_booked: found.outcome === "booked", resumed: found.resumed, assignment: found.assignment! }
    return new StepResponse(held, found.outcome === "claimed" ? { assignment_id: input.assignment_id, claim } : undefined)
  },
  async (held, { container }) => {
    if (!held) {
      return
    }
    const captured = !!(await findBookingCapture(container, held.assignment_id))
    await container
      .resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
      .releaseAssignmentClaim(held.assignment_id, held.claim, { captured, reason: "The payment was captured, but recording the booking failed; book it again to record it." })
  }
)
