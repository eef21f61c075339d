import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { followOpenWebFormsStep } from "../steps/follow-open-web-forms"

export const followOpenWebFormsWorkflowId = "follow-open-web-forms"

/** The polling half of following web forms (the callback is the other half). */
export const followOpenWebFormsWorkflow = createWorkflow(followOpenWebFormsWorkflowId, function () {
  return new WorkflowResponse(followOpenWebFormsStep())
})
