import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { loadAdminFeedNoticesStep } from "./steps/load-admin-feed-notices"
import { sendAdminFeedNoticesStep } from "./steps/send-admin-feed-notices"

export const sendAdminFeedNoticesWorkflowId = "send-admin-feed-notices"

/** Tells the operator, in the admin's notification feed, about expiring bank consents and payments waiting for a decision (each once). */
export const sendAdminFeedNoticesWorkflow = createWorkflow(sendAdminFeedNoticesWorkflowId, function (input: { now: string }) {
  return new WorkflowResponse(sendAdminFeedNoticesStep(loadAdminFeedNoticesStep(input)))
})
