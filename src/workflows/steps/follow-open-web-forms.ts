import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import BankReconciliationModuleService from "../../modules/bank-reconciliation/service"
import { syncBankConnectionWebFormWorkflow } from "../online-banking/sync-bank-connection-web-form"

export const followOpenWebFormsStepId = "follow-open-web-forms"

/** finAPI forms live 20 minutes; after 30 a form can only be final, one last look settles it. */
const FOLLOW_FOR_MS = 30 * 60_000

/** Polls every web form that is still open, in case finAPI's callback never reached this backend. */
export const followOpenWebFormsStep = createStep(followOpenWebFormsStepId, async (_: void, { container }) => {
  const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
  const open = await service.listBankConnections(
    { web_form_status: ["NOT_YET_OPENED", "IN_PROGRESS"], updated_at: { $gte: new Date(Date.now() - FOLLOW_FOR_MS) } },
    { select: ["id"] }
  )
  let failed = 0
  for (const connection of open) {
    const { errors } = await syncBankConnectionWebFormWorkflow(container).run({
      input: { connection_id: connection.id },
      throwOnError: false,
    })
    failed += errors.length ? 1 : 0
  }
  return new StepResponse({ followed: open.length, failed })
})
