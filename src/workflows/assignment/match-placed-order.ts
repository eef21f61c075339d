import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { autoAssignTransactionsWorkflow } from "./auto-assign-transactions"
import { findPaymentsForOrderStep } from "../steps/find-payments-for-order"

export const matchPlacedOrderWorkflowId = "match-placed-order"

/**
 * A new order may be what an earlier payment was for: the open payments that could be for it
 * (found from the order's side) are matched again, against every open order as always, so a
 * decision means the same as after an import. Nothing else is re-run.
 */
export const matchPlacedOrderWorkflow = createWorkflow(matchPlacedOrderWorkflowId, function (input: { order_id: string }) {
  const found = findPaymentsForOrderStep(input)
  const summary = when("payments-may-be-for-the-order", { found }, ({ found }) => found.transaction_ids.length > 0).then(() =>
    autoAssignTransactionsWorkflow.runAsStep({ input: transform({ found }, ({ found }) => ({ transaction_ids: found.transaction_ids })) })
  )
  return new WorkflowResponse(
    transform({ found, summary }, ({ found, summary }) => ({ candidates: found.transaction_ids.length, auto: summary?.auto ?? 0, suggested: summary?.suggested ?? 0 }))
  )
})
