import { MedusaContainer } from "@medusajs/framework/types"
import { BANK_RECONCILIATION_MODULE } from "../modules/bank-reconciliation"
import type BankReconciliationModuleService from "../modules/bank-reconciliation/service"
import { bookAssignments } from "../workflows/book-assignments"

const BATCH = 200

/**
 * With the plugin option `sync.autoBook` on (off by default), books the confirmed automatic
 * assignments every five minutes, oldest first, up to 200 a tick. Each booking runs the same
 * locked, idempotent workflow as the booking view; failures keep their reason for the operator.
 */
export default async function bookAutoAssignmentsJob(container: MedusaContainer) {
  const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
  if (!(await service.getOptions()).sync.autoBook) {
    return
  }
  const due = await service.listPaymentAssignments(
    { status: "confirmed", source: "auto", booking_error: null },
    { select: ["id"], take: BATCH, order: { created_at: "ASC" } }
  )
  if (due.length) {
    await bookAssignments(container, due.map((a) => a.id))
  }
}

export const config = {
  name: "finapi-book-auto-assignments",
  schedule: { cron: "*/5 * * * *", concurrency: "forbid" as const },
}
