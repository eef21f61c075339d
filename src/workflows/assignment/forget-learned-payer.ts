import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { forgetLearnedPayerStep, type ForgetLearnedPayerInput } from "../steps/forget-learned-payer"

export const forgetLearnedPayerWorkflowId = "forget-learned-payer"

/** Removes a payer IBAN or name the operator's assignments (or bookings) taught for a customer. */
export const forgetLearnedPayerWorkflow = createWorkflow(forgetLearnedPayerWorkflowId, function (input: ForgetLearnedPayerInput) {
  return new WorkflowResponse(forgetLearnedPayerStep(input))
})
