import { createStep, createWorkflow, StepResponse, transform, when, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { addOrderTransactionStep, emitEventStep } from "@medusajs/medusa/core-flows"
import { MedusaError } from "@medusajs/framework/utils"
import { captureUnderClaimStep } from "../steps/capture-under-claim"
import { claimBookingStep } from "../steps/claim-booking"
import { lockBookingOrdersStep, releaseBookingOrdersStep } from "../steps/lock-booking-orders"
import { planBookingsStep } from "../steps/plan-bookings"
import { readBookingOrdersStep } from "../steps/read-booking-orders"
import { recordBookingStep } from "../steps/record-booking"
import { bookingLines, type BookedLine } from "./booking-lines"

export const PAYMENT_BOOKED_EVENT = "bank_reconciliation.payment_booked"
export const bookAssignmentBatchWorkflowId = "book-assignment-batch"
export const bookAssignmentWorkflowId = "book-assignment"

export type { BookedLine }

/**
 * Books a batch of confirmed assignments into their orders. Exactly once rests on the database: the
 * run first claims the batch's assignments (confirmed → booking, one transaction committed on its
 * own); only a claim's holder captures, tagging the capture with the assignment, and records it under
 * the claim (a capture id books one assignment only). A line whose claim this run does not get is
 * captured nothing; a claim left by a run that died is taken over after `booking.staleClaimSeconds`,
 * and its capture, if made, recorded instead of capturing again. The captures run while the claims
 * hold the assignments' rows (renewed, locked until the captures are committed): a run whose claim
 * was taken over captures nothing, and one taking over waits for a capture still running and records
 * it. Per batch: one read of the orders, one plan, one record transaction, one set of events; per
 * line only Medusa's capture (after authorizing, for a waiting bank-transfer session or a not_paid
 * collection). Never more than owed.
 */
function bookBatch(input: { assignment_ids: string[]; actor_id?: string | null }) {
  const claimed = claimBookingStep({ assignment_ids: input.assignment_ids })
  const reads = readBookingOrdersStep(claimed)
  const planned = planBookingsStep({ claimed, reads })
  // a run that died after capturing: its capture may miss the order transaction that makes paid_total
  const resumed = transform({ planned }, ({ planned }) =>
    planned
      .filter((line) => line.existing_capture)
      .map((line) => ({ order_id: line.order_id, amount: line.plan!.amount, currency_code: line.existing_capture!.currency_code, reference: "capture", reference_id: line.existing_capture!.id }))
  )
  when("order-transactions-of-resumed-captures", { resumed }, ({ resumed }) => resumed.length > 0).then(() => {
    addOrderTransactionStep(resumed)
  })
  const captured = captureUnderClaimStep(transform({ claimed, planned }, ({ claimed, planned }) => ({ claim: claimed.claim, bookings: planned })))
  const recorded = recordBookingStep(
    transform({ claimed, planned, captured, input }, ({ claimed, planned, captured, input }) => ({ claim: claimed.claim, planned, captured, actor_id: input.actor_id ?? null }))
  )
  const lines = transform({ claimed, planned, recorded }, ({ claimed, planned, recorded }) => bookingLines(claimed.lines, planned, recorded))
  emitEventStep({
    eventName: PAYMENT_BOOKED_EVENT,
    data: transform({ lines, planned }, ({ lines, planned }) =>
      lines
        .filter((line) => line.status === "booked" && !line.already_booked)
        .map((line) => {
          const plan = planned.find((p) => p.assignment_id === line.assignment_id)!
          return {
            id: line.assignment_id,
            order_id: line.order_id,
            transaction_id: plan.transaction_id,
            amount: line.amount,
            surplus: line.surplus,
            payment_id: line.payment_id,
            capture_id: line.capture_id,
            // known from the batch's read of the order: the notice needs no second read
            paid_in_full: plan.paid_in_full,
          }
        })
    ),
  })
  return lines
}

/**
 * Books up to a batch of assignments (bookAssignments cuts a selection into batches): takes the
 * orders' locks, one line per order (lockBookingOrdersStep); lines of an order another run holds, and
 * further lines of an order in the batch, come back `deferred` for the caller to book next.
 */
export const bookAssignmentBatchWorkflow = createWorkflow(bookAssignmentBatchWorkflowId, function (input: { assignment_ids: string[]; actor_id?: string | null }) {
  const locks = lockBookingOrdersStep({ assignment_ids: input.assignment_ids })
  const lines = bookBatch({ assignment_ids: locks.batch, actor_id: input.actor_id })
  releaseBookingOrdersStep(locks)
  return new WorkflowResponse(transform({ lines, locks }, ({ lines, locks }) => ({ lines, later: locks.later, waiting: locks.waiting })))
})

const failUnlessBookedStep = createStep("fail-unless-booked", async (line: BookedLine | undefined) => {
  if (!line) {
    throw new MedusaError(MedusaError.Types.CONFLICT, "Someone else is changing this payment or order right now; try again in a moment.")
  }
  if (line.status !== "booked") {
    throw new MedusaError(line.busy ? MedusaError.Types.CONFLICT : MedusaError.Types.NOT_ALLOWED, line.reason ?? "Booking did not finish; try again.")
  }
  return new StepResponse(line)
})

/** Books one confirmed assignment (a batch of one); fails, with the reason, when it could not be booked. */
export const bookAssignmentWorkflow = createWorkflow(bookAssignmentWorkflowId, function (input: WorkflowData<{ assignment_id: string; actor_id?: string | null }>) {
  const ids = transform({ input }, ({ input }) => [input.assignment_id])
  const locks = lockBookingOrdersStep({ assignment_ids: ids })
  const lines = bookBatch({ assignment_ids: locks.batch, actor_id: input.actor_id })
  const line = failUnlessBookedStep(transform({ lines }, ({ lines }) => lines[0]))
  releaseBookingOrdersStep(locks)
  return new WorkflowResponse(line)
})
