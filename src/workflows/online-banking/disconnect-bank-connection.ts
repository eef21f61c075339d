import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { bankConnectionLockKey } from "../../lib/lock-keys"
import { disconnectBankConnectionStep } from "../steps/disconnect-bank-connection"

export const disconnectBankConnectionWorkflowId = "disconnect-bank-connection"

/** Revokes a bank connection at finAPI; what was imported from it stays in Medusa. */
export const disconnectBankConnectionWorkflow = createWorkflow(
  disconnectBankConnectionWorkflowId,
  function (input: { connection_id: string }) {
    const lockKey = transform({ input }, ({ input }) => bankConnectionLockKey(input.connection_id))
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 60 })
    const connection = disconnectBankConnectionStep(input)
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(connection)
  }
)
