import { MedusaContainer } from "@medusajs/framework/types"
import { checkBankConsentsWorkflow } from "../workflows/online-banking/check-bank-consents"
import { pruneFinapiCallLogWorkflow } from "../workflows/online-banking/prune-finapi-call-log"

/** Daily: consent warnings (≤ 14 days, expired, user action) and call-log retention. */
export default async function checkBankConsentsJob(container: MedusaContainer) {
  await checkBankConsentsWorkflow(container).run({ input: {} })
  await pruneFinapiCallLogWorkflow(container).run()
}

export const config = {
  name: "finapi-check-bank-consents",
  schedule: { cron: "0 6 * * *", concurrency: "forbid" as const },
}
