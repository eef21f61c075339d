import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { cancelOrderWorkflow } from "@medusajs/medusa/core-flows"
import { orderNoticeKey } from "../../modules/bank-reconciliation/order-notice-kinds"
import { assignmentLockKeys } from "../../lib/lock-keys"
import { acquireAssignmentLocksStep, releaseAssignmentLocksStep } from "../steps/acquire-assignment-locks"
import { claimOrderNoticeStep } from "../steps/claim-order-notice"
import { validateOrderAwaitsPaymentStep } from "../steps/validate-order-awaits-payment"

export const cancelUnpaidOrderWorkflowId = "cancel-unpaid-order"

/**
 * Cancels an order whose payment deadline passed with Medusa's own cancelOrderWorkflow (payments
 * cancelled, reservations released), under the lock assignments take on the order, and only if no
 * payment was assigned or proposed to it meanwhile. Records why (the notice the widget shows and
 * the customer's notification is sent from).
 */
export const cancelUnpaidOrderWorkflow = createWorkflow(
  cancelUnpaidOrderWorkflowId,
  function (input: { order_id: string; deadline: string | null; now?: string }) {
    // the same lock key an assignment to this order takes
    const locks = acquireAssignmentLocksStep({ keys: transform({ input }, ({ input }) => assignmentLockKeys(null, [input.order_id])) })
    validateOrderAwaitsPaymentStep({ order_id: input.order_id })
    const claim = claimOrderNoticeStep(
      transform({ input }, ({ input }) => ({
        order_id: input.order_id,
        kind: "cancelled_for_non_payment" as const,
        key: orderNoticeKey.cancelled(),
        data: { reason: "not_paid_by_deadline", deadline: input.deadline },
        now: input.now,
      }))
    )
    cancelOrderWorkflow.runAsStep({ input: { order_id: input.order_id } })
    releaseAssignmentLocksStep(locks)
    return new WorkflowResponse(transform({ claim }, ({ claim }) => ({ notice_id: claim.id, channel: claim.channel })))
  }
)
