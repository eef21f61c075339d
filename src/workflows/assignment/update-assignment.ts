import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { assignmentLockKeys } from "../../lib/lock-keys"
import { acquireAssignmentLocksStep, releaseAssignmentLocksStep } from "../steps/acquire-assignment-locks"
import { applyAssignmentChangesStep } from "../steps/apply-assignment-changes"
import { learnFromAssignmentStep } from "../steps/learn-from-assignment"
import { prepareAssignmentUpdateStep, type AssignmentUpdateInput } from "../steps/prepare-assignment-update"

export const updateAssignmentWorkflowId = "update-assignment"

/**
 * Changes an assignment's amount or confirms a proposal, until it is booked; under a lock on its
 * payment and order, refuses when either would be over-assigned. Confirming teaches the payer's
 * IBAN and name for the customer.
 */
export const updateAssignmentWorkflow = createWorkflow(updateAssignmentWorkflowId, function (input: AssignmentUpdateInput) {
  const { data: assignments } = useQueryGraphStep({
    entity: "payment_assignment",
    fields: ["id", "order_id", "transaction_id"],
    filters: { id: input.id },
    options: { throwIfKeyNotFound: true },
  }).config({ name: "get-assignment-to-update" })
  const keys = transform({ assignments }, ({ assignments }) => assignmentLockKeys(assignments[0].transaction_id, [assignments[0].order_id]))
  const locks = acquireAssignmentLocksStep({ keys })
  const change = prepareAssignmentUpdateStep(input)
  const applied = applyAssignmentChangesStep(change)
  learnFromAssignmentStep(transform({ input, assignments }, ({ input, assignments }) => ({
    transaction_id: assignments[0].transaction_id, learn: input.confirm === true, learned_from: "confirmed" as const, actor_id: input.actor_id,
  })))
  releaseAssignmentLocksStep(locks)
  return new WorkflowResponse(transform({ applied }, ({ applied }) => ({ transaction_id: applied.transaction_id })))
})
