import { MedusaContainer } from "@medusajs/framework/types"
import { randomUUID } from "crypto"
import { setTimeout as sleep } from "timers/promises"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import type BankReconciliationModuleService from "../../modules/bank-reconciliation/service"
import { bookAssignmentBatchWorkflow } from "./book-assignment"
import { recordBookingFailureWorkflow } from "./record-booking-failure"
import type { BookingLineResult } from "../../types/http"

export type { BookingLineResult }

/** How many lines one booking run claims, reads, plans and records together (one line per order). */
export const BOOKING_BATCH = 25
/** How many captures of a batch run side by side. */
export { CAPTURES_AT_ONCE as BOOKING_CONCURRENCY } from "../steps/capture-under-claim"

/** How long a line waits for an order another run is booking or changing, and how often it asks again. */
const WAIT_MS = 15_000
const RETRY_MS = 100
const ORDER_BUSY = "Someone else is changing this payment or order right now; try again in a moment."

/**
 * Books the given assignments in batches of up to BOOKING_BATCH (bookAssignmentBatchWorkflow: one
 * claim, one read of the orders, one record per batch; the captures side by side, each under its
 * claim), and reports each line in the order given. Lines of one order book one after the other, in
 * successive batches; a line whose order another run holds waits for it (up to 15 s). A failed line
 * keeps its reason on the assignment.
 */
export async function bookAssignments(container: MedusaContainer, assignmentIds: string[], actorId: string | null = null): Promise<BookingLineResult[]> {
  const byId = new Map<string, BookingLineResult>()
  const firstWait = new Map<string, number>()
  let queue = [...new Set(assignmentIds)]
  let waiting: string[] = []
  while (queue.length || waiting.length) {
    if (!queue.length) {
      await sleep(RETRY_MS)
      ;[queue, waiting] = [waiting, []]
    }
    const batch = queue.splice(0, BOOKING_BATCH)
    const { lines, later, waiting: busy } = await bookBatch(container, batch, actorId)
    for (const { busy: _, ...line } of lines) {
      byId.set(line.assignment_id, line)
    }
    // further lines of an order just booked go next, before the rest of the selection
    queue.unshift(...later)
    for (const id of busy) {
      const since = firstWait.get(id) ?? Date.now()
      firstWait.set(id, since)
      if (Date.now() - since < WAIT_MS) {
        waiting.push(id)
      } else {
        byId.set(id, await failed(container, id, ORDER_BUSY))
      }
    }
  }
  return assignmentIds.map((id) => byId.get(id)!)
}

async function bookBatch(container: MedusaContainer, ids: string[], actorId: string | null) {
  const { result, errors } = await bookAssignmentBatchWorkflow(container).run({
    input: { assignment_ids: ids, actor_id: actorId },
    context: { transactionId: `book:${randomUUID()}` },
    throwOnError: false,
  })
  if (!errors?.length && result) {
    return result
  }
  // the whole run failed and was compensated: the stored state decides each line
  const reason = errors?.[0]?.error?.message ?? "Booking did not finish; try again."
  const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
  const stored = await service.listPaymentAssignments({ id: ids }, { select: ["id", "order_id", "status", "payment_id", "capture_id"], take: null })
  const lines = await Promise.all(
    ids.map(async (id): Promise<BookingLineResult & { busy?: boolean }> => {
      const row = stored.find((s) => s.id === id)
      if (row?.status === "booked") {
        return { assignment_id: id, status: "booked", already_booked: true, order_id: row.order_id, payment_id: row.payment_id, capture_id: row.capture_id }
      }
      return await failed(container, id, reason, row?.status)
    })
  )
  return { lines, later: [] as string[], waiting: [] as string[] }
}

/** A line that could not be booked: the reason is kept on a confirmed assignment (a claimed one keeps what its run left). */
async function failed(container: MedusaContainer, id: string, reason: string, status?: string): Promise<BookingLineResult> {
  if (status === undefined) {
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    ;[{ status } = { status: undefined as unknown as string }] = await service.listPaymentAssignments({ id }, { select: ["id", "status"] })
  }
  if (status === "confirmed") {
    await recordBookingFailureWorkflow(container).run({ input: { assignment_id: id, reason } })
  }
  return { assignment_id: id, status: "failed", reason }
}
