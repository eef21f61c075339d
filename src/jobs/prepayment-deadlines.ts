import { MedusaContainer } from "@medusajs/framework/types"
import { prepaymentRunNotice } from "../modules/bank-reconciliation/admin-feed-notices"
import { runPrepaymentDeadlines } from "../workflows/run-prepayment-deadlines"
import { sendAdminFeedNoticesWorkflow } from "../workflows/send-admin-feed-notices"

/**
 * Hourly: payment reminders that are due, the cancel of bank-transfer orders past their deadline,
 * and the admin-feed notices (consent expiring, payments waiting for a decision).
 */
export default async function prepaymentDeadlinesJob(container: MedusaContainer) {
  const now = new Date()
  const result = await runPrepaymentDeadlines(container, now)
  const ran = prepaymentRunNotice(result, now)
  await sendAdminFeedNoticesWorkflow(container).run({ input: { now: now.toISOString(), notices: ran ? [ran] : [] } })
}

export const config = {
  name: "finapi-prepayment-deadlines",
  schedule: { cron: "15 * * * *", concurrency: "forbid" as const },
}
