import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { removeBankConnectionStep } from "../steps/remove-bank-connection"

export const removeBankConnectionWorkflowId = "remove-bank-connection"

/** Removes a disconnected, failed or never completed bank connection from the list; imported data stays. */
export const removeBankConnectionWorkflow = createWorkflow(removeBankConnectionWorkflowId, function (input: { connection_id: string }) {
  acquireLockStep({ key: input.connection_id, timeout: 30, ttl: 60 })
  const removed = removeBankConnectionStep(input)
  releaseLockStep({ key: input.connection_id })
  return new WorkflowResponse(removed)
})
