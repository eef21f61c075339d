import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { pruneFinapiCallLogStep } from "../steps/prune-finapi-call-log"

export const pruneFinapiCallLogWorkflowId = "prune-finapi-call-log"

/** Keeps the finAPI call log to its retention period. */
export const pruneFinapiCallLogWorkflow = createWorkflow(pruneFinapiCallLogWorkflowId, function () {
  return new WorkflowResponse(pruneFinapiCallLogStep())
})
