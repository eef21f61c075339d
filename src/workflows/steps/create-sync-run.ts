import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import BankReconciliationModuleService from "../../modules/bank-reconciliation/service"

export const createSyncRunStepId = "create-sync-run"

export type CreateSyncRunInput = {
  trigger: "job" | "operator" | "webhook" | "cli"
  triggered_by?: string | null
  source?: "finapi" | "file"
  file_name?: string | null
  interface_id?: string | null
  account_id?: string | null
  window_from?: string | null
  window_to?: string | null
}

export const INTERRUPTED_RUN_MESSAGE = "The run stopped before it finished (its Medusa process ended); what it had not imported was imported by a later run."

/**
 * Opens a sync run ("running"); if the workflow fails later, compensation marks it failed (history is
 * kept). Runs still "running" after `sync.staleRunSeconds` were cut off with their process: they are
 * marked failed with that reason, so the history says what happened.
 */
export const createSyncRunStep = createStep(
  createSyncRunStepId,
  async (input: CreateSyncRunInput, { container }) => {
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    const { staleRunSeconds } = (await service.getOptions()).sync
    const cutOff = await service.listSyncRuns({ status: "running", started_at: { $lt: new Date(Date.now() - staleRunSeconds * 1000) } }, { select: ["id"] })
    if (cutOff.length) {
      await service.updateSyncRuns(
        cutOff.map((r) => ({ id: r.id, status: "failed" as const, finished_at: new Date(), errors: [{ code: "interrupted", message: INTERRUPTED_RUN_MESSAGE }] as unknown as Record<string, unknown> }))
      )
    }
    const run = await service.createSyncRuns({
      trigger: input.trigger,
      triggered_by: input.triggered_by ?? null,
      interface_id: input.interface_id ?? null,
      account_id: input.account_id ?? null,
      window_from: input.window_from ? new Date(`${input.window_from}T00:00:00.000Z`) : null,
      window_to: input.window_to ? new Date(`${input.window_to}T00:00:00.000Z`) : null,
      source: input.source ?? "finapi",
      file_name: input.file_name ?? null,
      status: "running",
      started_at: new Date(),
    })
    return new StepResponse({ id: run.id, started_at: run.started_at }, run.id)
  },
  async (runId, { container }) => {
    if (!runId) {
      return
    }
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    await service.updateSyncRuns({
      id: runId,
      status: "failed",
      finished_at: new Date(),
      // json columns are typed as objects; the run history stores lists
      errors: [{ code: "rolled_back", message: "The import did not finish and was rolled back; nothing of this run was kept. The next run imports it again." }] as unknown as Record<string, unknown>,
    })
  }
)
