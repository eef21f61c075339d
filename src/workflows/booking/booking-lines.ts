import type { BookingClaimLine } from "../../modules/bank-reconciliation/types"
import type { PlannedBooking } from "../steps/plan-bookings"
import type { RecordedLine } from "../steps/record-booking"
import type { BookingLineResult } from "../../types/http"

/** One line of a booking batch as its caller sees it. */
export type BookedLine = BookingLineResult & {
  /** another run holds this line's claim right now */
  busy?: boolean
}

export const BUSY_REASON = "This payment is being booked right now by another run; reload the list in a moment."

/** The batch's lines in the order claimed, from the claim, the plans and the record. */
export function bookingLines(claimLines: BookingClaimLine[], planned: PlannedBooking[], recorded: RecordedLine[]): BookedLine[] {
  const plans = new Map(planned.map((p) => [p.assignment_id, p]))
  const records = new Map(recorded.map((r) => [r.assignment_id, r]))
  return claimLines.map((line): BookedLine => {
    switch (line.outcome) {
      case "booked":
        return { assignment_id: line.id, status: "booked", already_booked: true, order_id: line.assignment.order_id, payment_id: line.assignment.payment_id, capture_id: line.assignment.capture_id }
      case "busy":
        return { assignment_id: line.id, status: "failed", busy: true, reason: BUSY_REASON }
      case "refused":
        return { assignment_id: line.id, status: "failed", reason: line.reason }
    }
    const record = records.get(line.id)
    const plan = plans.get(line.id)?.plan
    if (!record || record.failed || !plan) {
      return { assignment_id: line.id, status: "failed", reason: record?.failed ?? "Booking did not finish; try again." }
    }
    return {
      assignment_id: line.id,
      status: "booked",
      already_booked: false,
      order_id: line.assignment.order_id,
      mode: plan.mode,
      amount: plan.amount,
      surplus: plan.surplus,
      payment_id: record.payment_id,
      capture_id: record.capture_id,
    }
  })
}
