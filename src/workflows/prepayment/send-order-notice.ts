import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deliverOrderNoticeWorkflow } from "./deliver-order-notice"
import { claimOrderNoticeStep, type ClaimOrderNoticeInput } from "../steps/claim-order-notice"

export const sendOrderNoticeWorkflowId = "send-order-notice"

/**
 * Records a step of the prepayment loop for an order (a reminder, a payment received, …) once per
 * order and key and, when the shop configured a template for its kind, notifies the customer.
 * Running it again for the same key does nothing; a failed send removes the record, so the next
 * run tries again.
 */
export const sendOrderNoticeWorkflow = createWorkflow(sendOrderNoticeWorkflowId, function (input: ClaimOrderNoticeInput) {
  const claim = claimOrderNoticeStep(input)
  const delivered = when("notice-claimed", { claim }, ({ claim }) => !!claim.id).then(() => {
    return deliverOrderNoticeWorkflow.runAsStep({
      input: transform({ claim }, ({ claim }) => ({ notice_id: claim.id!, channel: claim.channel })),
    })
  })
  return new WorkflowResponse(
    transform({ claim, delivered }, ({ claim, delivered }) => ({ notice_id: claim.id, sent: !!delivered?.sent }))
  )
})
