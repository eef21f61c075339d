import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { assignmentLockKeys } from "../../lib/lock-keys"
import { acquireAssignmentLocksStep, releaseAssignmentLocksStep } from "../steps/acquire-assignment-locks"
import { applyAssignmentChangesStep } from "../steps/apply-assignment-changes"
import { learnFromAssignmentStep } from "../steps/learn-from-assignment"
import { prepareManualAssignmentStep, type ManualAssignmentInput } from "../steps/prepare-manual-assignment"

export const assignTransactionManuallyWorkflowId = "assign-transaction-manually"

/**
 * Assigns one payment to one or more orders with amounts, confirmed at once. Under a lock on the
 * payment and the orders, refuses when the payment or an order would be over-assigned. The payer's
 * IBAN and name are learned for the customer at once.
 */
export const assignTransactionManuallyWorkflow = createWorkflow(
  assignTransactionManuallyWorkflowId,
  function (input: ManualAssignmentInput) {
    const keys = transform({ input }, ({ input }) => assignmentLockKeys(input.transaction_id, input.assignments.map((a) => a.order_id)))
    const locks = acquireAssignmentLocksStep({ keys })
    const change = prepareManualAssignmentStep(input)
    const applied = applyAssignmentChangesStep(change)
    learnFromAssignmentStep(transform({ input }, ({ input }) => ({ transaction_id: input.transaction_id, learn: true, learned_from: "manual" as const, actor_id: input.actor_id })))
    releaseAssignmentLocksStep(locks)
    return new WorkflowResponse(transform({ applied }, ({ applied }) => ({ transaction_id: applied.transaction_id, assignment_ids: applied.created_ids })))
  }
)
