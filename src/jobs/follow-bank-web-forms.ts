import { MedusaContainer } from "@medusajs/framework/types"
import { followOpenWebFormsWorkflow } from "../workflows/online-banking/follow-open-web-forms"

/** Every minute: polls open finAPI web forms whose callback may not have arrived. */
export default async function followBankWebFormsJob(container: MedusaContainer) {
  await followOpenWebFormsWorkflow(container).run()
}

export const config = {
  name: "finapi-follow-bank-web-forms",
  schedule: { cron: "* * * * *", concurrency: "forbid" as const },
}
