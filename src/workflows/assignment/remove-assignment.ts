import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { assignmentLockKeys } from "../../lib/lock-keys"
import { acquireAssignmentLocksStep, releaseAssignmentLocksStep } from "../steps/acquire-assignment-locks"
import { applyAssignmentChangesStep } from "../steps/apply-assignment-changes"
import { prepareAssignmentRemovalStep } from "../steps/prepare-assignment-removal"

export const removeAssignmentWorkflowId = "remove-assignment"

/** Removes an assignment or turns a proposal down, until it is booked; the payment's status follows. */
export const removeAssignmentWorkflow = createWorkflow(removeAssignmentWorkflowId, function (input: { id: string; actor_id?: string | null }) {
  const { data: assignments } = useQueryGraphStep({
    entity: "payment_assignment",
    fields: ["id", "order_id", "transaction_id"],
    filters: { id: input.id },
    options: { throwIfKeyNotFound: true },
  }).config({ name: "get-assignment-to-remove" })
  const keys = transform({ assignments }, ({ assignments }) => assignmentLockKeys(assignments[0].transaction_id, [assignments[0].order_id]))
  const locks = acquireAssignmentLocksStep({ keys })
  const change = prepareAssignmentRemovalStep(input)
  const applied = applyAssignmentChangesStep(change)
  releaseAssignmentLocksStep(locks)
  return new WorkflowResponse(transform({ applied }, ({ applied }) => ({ transaction_id: applied.transaction_id })))
})
