import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendOrderNoticeWorkflow } from "../prepayment/send-order-notice"
import { decidePaymentNoticeStep } from "../steps/decide-payment-notice"

export const notifyPaymentBookedWorkflowId = "notify-payment-booked"

/** Tells the customer a booked bank payment arrived: in full, or partly with what is still owed (each once). */
export const notifyPaymentBookedWorkflow = createWorkflow(
  notifyPaymentBookedWorkflowId,
  function (input: { order_id: string; assignment_id: string; transaction_id: string; amount: string; paid_in_full?: boolean | null }) {
    const notice = decidePaymentNoticeStep(input)
    return new WorkflowResponse(sendOrderNoticeWorkflow.runAsStep({ input: notice }))
  }
)
