import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { AdminFeedNotice } from "../../modules/bank-reconciliation/admin-feed-notices"
import { loadAdminFeedNoticesStep } from "../steps/load-admin-feed-notices"
import { sendAdminFeedNoticesStep } from "../steps/send-admin-feed-notices"

export const sendAdminFeedNoticesWorkflowId = "send-admin-feed-notices"

/**
 * Tells the operator, in the admin's notification feed, about expiring bank consents, payments
 * waiting for a decision and `notices` (what the prepayment job did), each once.
 */
export const sendAdminFeedNoticesWorkflow = createWorkflow(
  sendAdminFeedNoticesWorkflowId,
  function (input: { now: string; notices?: AdminFeedNotice[] }) {
    const due = loadAdminFeedNoticesStep(input)
    return new WorkflowResponse(sendAdminFeedNoticesStep(transform({ due, input }, ({ due, input }) => [...(input.notices ?? []), ...due])))
  }
)
