import { MedusaContainer } from "@medusajs/framework/types"
import { BANK_RECONCILIATION_MODULE } from "../modules/bank-reconciliation"
import type BankReconciliationModuleService from "../modules/bank-reconciliation/service"
import { bookAssignments } from "../workflows/booking/book-assignments"

const BATCH = 200

/**
 * Every five minutes: finishes bookings whose run died (a claim older than
 * `booking.staleClaimSeconds`: its capture is recorded, or it is booked afresh), and, with the plugin
 * option `sync.autoBook` on (off by default), books the confirmed automatic assignments, oldest first,
 * up to 200 a tick. Each booking runs the same workflow as the booking view; failures keep their
 * reason for the operator, and an assignment with a reason is left to the operator.
 */
export default async function bookAutoAssignmentsJob(container: MedusaContainer) {
  const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
  const options = await service.getOptions()
  const staleBefore = new Date(Date.now() - options.booking.staleClaimSeconds * 1000)
  const stale = await service.listPaymentAssignments(
    { status: "booking", $or: [{ booking_claimed_at: null }, { booking_claimed_at: { $lt: staleBefore } }] },
    { select: ["id"], take: BATCH, order: { created_at: "ASC" } }
  )
  const due = options.sync.autoBook
    ? await service.listPaymentAssignments({ status: "confirmed", source: "auto", booking_error: null }, { select: ["id"], take: BATCH, order: { created_at: "ASC" } })
    : []
  const ids = [...stale, ...due].map((a) => a.id)
  if (ids.length) {
    await bookAssignments(container, ids)
  }
}
export const config = {
  name: "finapi-book-auto-assignments",
  schedule: { cron: "*/5 * * * *", concurrency: "forbid" as const },
}
