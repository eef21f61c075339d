import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { assignmentLockKeys } from "../../lib/lock-keys"
import { acquireAssignmentLocksStep, releaseAssignmentLocksStep } from "../steps/acquire-assignment-locks"
import { setTransactionIgnoredStep } from "../steps/set-transaction-ignored"

export const unignoreTransactionWorkflowId = "unignore-transaction"

/** Undoes "not for this shop": the payment is open again, with the proposals it had. */
export const unignoreTransactionWorkflow = createWorkflow(unignoreTransactionWorkflowId, function (input: { transaction_id: string; actor_id?: string | null }) {
  const keys = transform({ input }, ({ input }) => assignmentLockKeys(input.transaction_id))
  const locks = acquireAssignmentLocksStep({ keys })
  setTransactionIgnoredStep(transform({ input }, ({ input }) => ({ transaction_id: input.transaction_id, reason: null, actor_id: input.actor_id })))
  releaseAssignmentLocksStep(locks)
  return new WorkflowResponse(input)
})
