import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import BankReconciliationModuleService from "../../modules/bank-reconciliation/service"

export const pruneFinapiCallLogStepId = "prune-finapi-call-log"

/** Deletes call-log entries past the retention period (30 days). */
export const pruneFinapiCallLogStep = createStep(pruneFinapiCallLogStepId, async (_: void, { container }) => {
  const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
  return new StepResponse({ deleted: await service.pruneFinapiCallLog() })
})
