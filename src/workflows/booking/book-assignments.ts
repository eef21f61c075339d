import { MedusaContainer } from "@medusajs/framework/types"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import type BankReconciliationModuleService from "../../modules/bank-reconciliation/service"
import { bookAssignmentWorkflow } from "./book-assignment"
import { recordBookingFailureWorkflow } from "./record-booking-failure"

export type BookingLineResult = {
  assignment_id: string
  status: "booked" | "failed"
  /** true when it had been booked before this call */
  already_booked?: boolean
  reason?: string
  order_id?: string
  amount?: string | null
  surplus?: string | null
  payment_id?: string | null
  capture_id?: string | null
}

/** How many bookings of one call run side by side; each holds its payment's and order's locks. */
export const BOOKING_CONCURRENCY = 4

/**
 * Books the given assignments, up to BOOKING_CONCURRENCY at a time (each under its payment's and
 * order's locks, in its own workflow run keyed `book:<assignment id>`, so two lines of one order
 * still book one after the other), and reports each line in the order given; a failed line keeps its
 * reason on the assignment.
 */
export async function bookAssignments(container: MedusaContainer, assignmentIds: string[], actorId: string | null = null): Promise<BookingLineResult[]> {
  const ids = [...new Set(assignmentIds)]
  const byId = new Map<string, BookingLineResult>()
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(BOOKING_CONCURRENCY, ids.length) }, async () => {
      while (next < ids.length) {
        const id = ids[next++]
        byId.set(id, await bookOne(container, id, actorId))
      }
    })
  )
  return assignmentIds.map((id) => byId.get(id)!)
}

async function bookOne(container: MedusaContainer, id: string, actorId: string | null): Promise<BookingLineResult> {
  const { result, errors } = await bookAssignmentWorkflow(container).run({
    input: { assignment_id: id, actor_id: actorId },
    context: { transactionId: `book:${id}` },
    throwOnError: false,
  })
  if (!errors?.length && result) {
    return { ...result, status: "booked" }
  }
  // another worker may have run the same booking at the same moment: the stored state decides
  const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
  const [stored] = await service.listPaymentAssignments({ id }, { select: ["id", "order_id", "status", "amount", "payment_id", "capture_id"] })
  if (stored?.status === "booked") {
    return { assignment_id: id, status: "booked", already_booked: true, order_id: stored.order_id, payment_id: stored.payment_id, capture_id: stored.capture_id }
  }
  const reason = errors?.[0]?.error?.message ?? "Booking did not finish; try again."
  // a claimed assignment belongs to the run holding the claim (or keeps the reason its own run left)
  if (stored?.status === "confirmed") {
    await recordBookingFailureWorkflow(container).run({ input: { assignment_id: id, reason } })
  }
  return { assignment_id: id, status: "failed", reason }
}
