import type { IPaymentModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { randomUUID } from "crypto"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import type BankReconciliationModuleService from "../../modules/bank-reconciliation/service"
import type { BookingClaimLine } from "../../modules/bank-reconciliation/service"

export const claimBookingStepId = "claim-booking"

/** What a booking's capture carries as `captured_by`: finds a capture a run made but did not record. */
export function bookingCaptureMarker(assignmentId: string): string {
  return `finapi-booking:${assignmentId}`
}

export type BookingCapture = { id: string; amount: string; payment_id: string; payment_collection_id: string; currency_code: string }

/** The captures made for these assignments, by assignment id (at most one each: only the claim's holder captures). One query. */
export async function findBookingCaptures(container: { resolve<T>(key: string): T }, assignmentIds: string[]): Promise<Record<string, BookingCapture>> {
  if (!assignmentIds.length) {
    return {}
  }
  const payments = container.resolve<IPaymentModuleService>(Modules.PAYMENT)
  const captures = await payments.listCaptures({ created_by: assignmentIds.map(bookingCaptureMarker) } as never, {
    select: ["id", "amount", "created_by"],
    relations: ["payment"],
    take: null,
  } as never)
  const found: Record<string, BookingCapture> = {}
  for (const capture of captures) {
    const id = (capture as { created_by?: string }).created_by!.slice(bookingCaptureMarker("").length)
    found[id] = {
      id: capture.id,
      amount: String(capture.amount),
      payment_id: capture.payment!.id,
      payment_collection_id: capture.payment!.payment_collection_id,
      currency_code: capture.payment!.currency_code,
    }
  }
  return found
}

export type ClaimedBatch = { claim: string; lines: BookingClaimLine[] }
type ClaimsHeld = { claim: string; ids: string[] }

const CAPTURED_NOT_RECORDED = "The payment was captured, but recording the booking failed; book it again to record it."

/**
 * Claims a batch of assignments for this run before anything is captured (confirmed → booking, one
 * database transaction of its own; a claim older than `booking.staleClaimSeconds` is taken over). The
 * database, not a lock, makes each booking happen once: a run that does not get a line's claim
 * captures nothing for it. Compensation gives the claims back, or, for a line whose capture was made,
 * keeps the claim (stale at once) for the next run to record that capture.
 */
export const claimBookingStep = createStep(
  claimBookingStepId,
  async (input: { assignment_ids: string[] }, { container }) => {
    const claim = randomUUID()
    if (!input.assignment_ids.length) {
      return new StepResponse<ClaimedBatch, ClaimsHeld>({ claim, lines: [] }, { claim, ids: [] })
    }
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    const { staleClaimSeconds } = (await service.getOptions()).booking
    const lines = await service.claimAssignmentBookings(input.assignment_ids, claim, new Date(Date.now() - staleClaimSeconds * 1000))
    const claimed = lines.filter((line) => line.outcome === "claimed").map((line) => line.id)
    return new StepResponse<ClaimedBatch, ClaimsHeld>({ claim, lines }, { claim, ids: claimed })
  },
  async (held: ClaimsHeld | undefined, { container }) => {
    if (!held?.ids.length) {
      return
    }
    const captured = await findBookingCaptures(container, held.ids)
    const releases = held.ids.map((id) => ({ id, captured: !!captured[id], reason: captured[id] ? CAPTURED_NOT_RECORDED : null }))
    await container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE).recordAssignmentBookings(held.claim, null, [], releases)
  }
)
