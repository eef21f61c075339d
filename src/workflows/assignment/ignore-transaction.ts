import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { assignmentLockKeys } from "../../lib/lock-keys"
import { acquireAssignmentLocksStep, releaseAssignmentLocksStep } from "../steps/acquire-assignment-locks"
import { setTransactionIgnoredStep } from "../steps/set-transaction-ignored"

export const ignoreTransactionWorkflowId = "ignore-transaction"

/** Marks a payment as not for this shop, with the operator's reason; auto-assign leaves it alone from then on. */
export const ignoreTransactionWorkflow = createWorkflow(ignoreTransactionWorkflowId, function (input: { transaction_id: string; reason: string; actor_id?: string | null }) {
  const keys = transform({ input }, ({ input }) => assignmentLockKeys(input.transaction_id))
  const locks = acquireAssignmentLocksStep({ keys })
  setTransactionIgnoredStep(input)
  releaseAssignmentLocksStep(locks)
  return new WorkflowResponse(input)
})
