import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import type BankReconciliationModuleService from "../../modules/bank-reconciliation/service"
import type { RefundExportRecord } from "../../modules/bank-reconciliation/service"

export const recordRefundExportStepId = "record-refund-export"

/** Stores the file and one item per payment (never twice per payment); compensation removes them again. */
export const recordRefundExportStep = createStep(
  recordRefundExportStepId,
  async (input: { record: RefundExportRecord; previous_held: Record<string, string | null> }, { container }) => {
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    const id = await service.recordRefundExport(input.record)
    return new StepResponse(id, { id, previous_held: input.previous_held })
  },
  async (saved, { container }) => {
    if (saved) {
      await container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE).revertRefundExport(saved.id, saved.previous_held)
    }
  }
)
