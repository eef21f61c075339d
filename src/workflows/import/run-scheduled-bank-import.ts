import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { importBankTransactionsWorkflow } from "./import-bank-transactions"
import { checkScheduledImportDueStep } from "../steps/check-scheduled-import-due"

export const runScheduledBankImportWorkflowId = "run-scheduled-bank-import"

/**
 * What the scheduled job runs every minute: when the plugin's `sync.schedule` cron has come round
 * since the last scheduled run, imports all enabled accounts (trigger "job"); otherwise does nothing.
 */
export const runScheduledBankImportWorkflow = createWorkflow(
  runScheduledBankImportWorkflowId,
  function (input: { now?: string }) {
    const check = checkScheduledImportDueStep(input)
    const imported = when("scheduled-import-is-due", { check }, ({ check }) => check.due).then(() =>
      importBankTransactionsWorkflow.runAsStep({ input: { trigger: "job" as const } })
    )
    return new WorkflowResponse(transform({ check, imported }, ({ check, imported }) => ({ due: check.due, import: imported ?? null })))
  }
)
