import { MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import type BankReconciliationModuleService from "../../modules/bank-reconciliation/service"
import type { AssignmentBooking, BookedAssignmentBefore, BookingRelease } from "../../modules/bank-reconciliation/types"
import type { CaptureOutcome } from "./capture-under-claim"
import type { PlannedBooking } from "./plan-bookings"

export const recordBookingStepId = "record-booking"

export type RecordedLine = { assignment_id: string; payment_id: string | null; capture_id: string | null; failed: string | null }

type Input = {
  /** the booking claim this run holds */
  claim: string
  planned: PlannedBooking[]
  captured: CaptureOutcome[]
  /** the admin user who started the booking (null: the booking job) */
  actor_id?: string | null
}

const LOST = (id: string) => `Assignment ${id} is no longer claimed by this booking run; reload the list.`

/**
 * Records a batch in one database transaction, while this run's claims hold its lines: each captured
 * line (and each capture a run that died made) booked with Medusa's payment and capture ids; an
 * overpayment's assignment shrinks to what was booked (the rest stays unassigned on the bank
 * transaction, the assigned amount kept in metadata); the transactions' booked amounts and statuses
 * follow. Lines refused or whose capture failed are given back (confirmed, with the reason for the
 * booking view). Compensation puts the booked lines back as claimed with no live claim, so the next
 * run records their captures again (the captures stay: money was taken).
 */
export const recordBookingStep = createStep(
  recordBookingStepId,
  async (input: Input, { container }) => {
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    const outcome = new Map(input.captured.map((c) => [c.assignment_id, c]))
    const bookings: AssignmentBooking[] = []
    const releases: BookingRelease[] = []
    const lines: RecordedLine[] = input.planned.map((line) => {
      const plan = line.plan
      const made = line.existing_capture ? { payment_id: line.existing_capture.payment_id, capture_id: line.existing_capture.id, failed: null } : outcome.get(line.assignment_id)
      const failed = line.refused ?? made?.failed ?? (made ? null : "The capture did not finish; try again.")
      if (failed || !plan || !made?.payment_id) {
        // a line taken over by another run is that run's now: the release leaves it alone
        releases.push({ id: line.assignment_id, captured: false, reason: failed })
        return { assignment_id: line.assignment_id, payment_id: null, capture_id: null, failed }
      }
      bookings.push({
        id: line.assignment_id,
        payment_collection_id: plan.payment_collection_id,
        payment_id: made.payment_id,
        capture_id: made.capture_id,
        ...(MathBN.gt(plan.surplus, 0) ? { amount: plan.booked_amount } : {}),
        metadata: {
          ...(line.before.metadata ?? {}),
          booking: { mode: plan.mode, assigned_amount: exactSum(plan.booked_amount, plan.surplus), captured: plan.amount, rounding: plan.rounding, surplus: plan.surplus },
        },
      })
      return { assignment_id: line.assignment_id, payment_id: made.payment_id, capture_id: made.capture_id, failed: null }
    })
    const recorded = await service.recordAssignmentBookings(input.claim, input.actor_id ?? null, bookings, releases)
    const lost = new Set(recorded.lost)
    const result = lines.map((line) => (lost.has(line.assignment_id) ? { ...line, failed: LOST(line.assignment_id) } : line))
    const booked = new Set(recorded.booked.map((b) => b.id))
    const previous: BookedAssignmentBefore[] = input.planned.filter((line) => booked.has(line.assignment_id)).map((line) => line.before)
    return new StepResponse(result, {
      previous,
      transaction_ids: [...new Set(recorded.booked.map((b) => b.transaction_id))],
      event_ids: recorded.booked.map((b) => b.event_id),
    })
  },
  async (undo, { container }) => {
    if (!undo?.previous.length) {
      return
    }
    await container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE).undoAssignmentBookings(undo.previous, undo.transaction_ids, undo.event_ids)
  }
)

function exactSum(a: string, b: string): string {
  const sum = MathBN.add(a, b)
  return sum.toFixed(Math.max(2, sum.decimalPlaces() ?? 0))
}
