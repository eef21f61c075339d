import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import { isScheduledImportDue } from "../../modules/bank-reconciliation/import-schedule"
import BankReconciliationModuleService from "../../modules/bank-reconciliation/service"

export const checkScheduledImportDueStepId = "check-scheduled-import-due"

/** Whether the cron of the plugin options (`sync.schedule`) has come round since the last scheduled run. */
export const checkScheduledImportDueStep = createStep(
  checkScheduledImportDueStepId,
  async (input: { now?: string }, { container }) => {
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    const { sync } = await service.getOptions()
    const [last] = await service.listSyncRuns({ trigger: "job" }, { select: ["started_at"], order: { started_at: "DESC" }, take: 1 })
    const now = input.now ? new Date(input.now) : new Date()
    const due = isScheduledImportDue(sync.schedule, last ? new Date(last.started_at) : null, now)
    return new StepResponse({ due, schedule: sync.schedule })
  }
)
