import { MedusaContainer } from "@medusajs/framework/types"
import { runPrepaymentDeadlines } from "../workflows/run-prepayment-deadlines"
import { sendAdminFeedNoticesWorkflow } from "../workflows/send-admin-feed-notices"

/**
 * Hourly: payment reminders that are due, the cancel of bank-transfer orders past their deadline,
 * and the admin-feed notices (consent expiring, payments waiting for a decision).
 */
export default async function prepaymentDeadlinesJob(container: MedusaContainer) {
  const now = new Date()
  await runPrepaymentDeadlines(container, now)
  await sendAdminFeedNoticesWorkflow(container).run({ input: { now: now.toISOString() } })
}

export const config = {
  name: "finapi-prepayment-deadlines",
  schedule: { cron: "15 * * * *", concurrency: "forbid" as const },
}
