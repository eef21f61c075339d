import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { checkBankConsentsStep } from "../steps/check-bank-consents"

export const checkBankConsentsWorkflowId = "check-bank-consents"

/** Daily: flags connections whose PSD2 consent expires within 14 days, has expired, or needs the user. */
export const checkBankConsentsWorkflow = createWorkflow(
  checkBankConsentsWorkflowId,
  function (input: { now?: string }) {
    return new WorkflowResponse(checkBankConsentsStep(input))
  }
)
