import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { bankConnectionLockKey } from "../../lib/lock-keys"
import { removeBankConnectionStep } from "../steps/remove-bank-connection"

export const removeBankConnectionWorkflowId = "remove-bank-connection"

/** Removes a disconnected, failed or never completed bank connection from the list; imported data stays. */
export const removeBankConnectionWorkflow = createWorkflow(removeBankConnectionWorkflowId, function (input: { connection_id: string }) {
  const lockKey = transform({ input }, ({ input }) => bankConnectionLockKey(input.connection_id))
  acquireLockStep({ key: lockKey, timeout: 30, ttl: 60 })
  const removed = removeBankConnectionStep(input)
  releaseLockStep({ key: lockKey })
  return new WorkflowResponse(removed)
})
