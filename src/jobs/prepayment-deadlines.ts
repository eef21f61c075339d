import { MedusaContainer } from "@medusajs/framework/types"
import { runPrepaymentDeadlinesJob } from "../workflows/prepayment/run-prepayment-deadlines"

/**
 * Hourly: payment reminders that are due, the cancel of bank-transfer orders past their deadline,
 * and the admin-feed notices (consent expiring, payments waiting for a decision).
 */
export default async function prepaymentDeadlinesJob(container: MedusaContainer) {
  await runPrepaymentDeadlinesJob(container, new Date())
}

export const config = {
  name: "finapi-prepayment-deadlines",
  schedule: { cron: "15 * * * *", concurrency: "forbid" as const },
}
