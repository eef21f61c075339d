import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { disconnectBankConnectionStep } from "../steps/disconnect-bank-connection"

export const disconnectBankConnectionWorkflowId = "disconnect-bank-connection"

/** Revokes a bank connection at finAPI; what was imported from it stays in Medusa. */
export const disconnectBankConnectionWorkflow = createWorkflow(
  disconnectBankConnectionWorkflowId,
  function (input: { connection_id: string }) {
    acquireLockStep({ key: input.connection_id, timeout: 30, ttl: 60 })
    const connection = disconnectBankConnectionStep(input)
    releaseLockStep({ key: input.connection_id })
    return new WorkflowResponse(connection)
  }
)
