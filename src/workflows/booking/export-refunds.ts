import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { prepareRefundExportStep, type RefundExportInput } from "../steps/prepare-refund-export"
import { recordRefundExportStep } from "../steps/record-refund-export"

export const REFUNDS_EXPORTED_EVENT = "bank_reconciliation.refunds_exported"
export const exportRefundsWorkflowId = "export-refunds"

/**
 * Refunds the surplus of the selected payments as one SEPA credit transfer file (pain.001.001.09,
 * one batch from the chosen shop account) that the operator uploads to the bank. The file is
 * stored; each payment records what was exported and is never exported twice.
 */
export const exportRefundsWorkflow = createWorkflow(exportRefundsWorkflowId, function (input: RefundExportInput) {
  const prepared = prepareRefundExportStep(input)
  const id = recordRefundExportStep(prepared)
  emitEventStep({
    eventName: REFUNDS_EXPORTED_EVENT,
    data: transform({ id, prepared }, ({ id, prepared }) => ({ id, transaction_ids: prepared.record.items.map((item) => item.transaction_id) })),
  })
  return new WorkflowResponse(id)
})
