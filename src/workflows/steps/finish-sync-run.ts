import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import BankReconciliationModuleService from "../../modules/bank-reconciliation/service"
import type { ImportAccountTransactionsResult } from "./import-account-transactions"
import type { SkippedAccount } from "./resolve-import-accounts"

export const finishSyncRunStepId = "finish-sync-run"

export type FinishSyncRunInput = {
  sync_run_id: string
  started_at: Date | string
  import: ImportAccountTransactionsResult
  skipped: SkippedAccount[]
  /** A statement file's entries not imported, by reason. */
  left_out?: Record<string, number> | null
}

/** How a run ended: failed only if nothing could be imported, skipped if there was nothing to do. */
export function syncRunStatus(result: ImportAccountTransactionsResult) {
  if (result.errors.length) {
    return result.imported_account_ids.length ? "partially_failed" : "failed"
  }
  return result.imported_account_ids.length ? "succeeded" : "skipped"
}

/** Records the run's counts, skips, errors and duration; compensation puts it back to "running". */
export const finishSyncRunStep = createStep(
  finishSyncRunStepId,
  async (input: FinishSyncRunInput, { container }) => {
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    const finishedAt = new Date()
    const { counts } = input.import
    const run = await service.updateSyncRuns({
      id: input.sync_run_id,
      status: syncRunStatus(input.import),
      fetched_count: counts.fetched,
      imported_count: counts.imported,
      duplicate_count: counts.known,
      filtered_count: counts.filtered,
      // json columns are typed as objects; the run history stores lists
      errors: (input.import.errors.length ? input.import.errors : null) as unknown as Record<string, unknown> | null,
      skipped: [...input.skipped, ...input.import.skipped] as unknown as Record<string, unknown>,
      ...(input.left_out ? { left_out: input.left_out } : {}),
      finished_at: finishedAt,
      duration_ms: finishedAt.getTime() - new Date(input.started_at).getTime(),
    })
    return new StepResponse(run, input.sync_run_id)
  },
  async (runId, { container }) => {
    if (!runId) {
      return
    }
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    await service.updateSyncRuns({ id: runId, status: "running", finished_at: null, duration_ms: null })
  }
)
