import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { syncBankConnectionWebFormStep } from "../steps/sync-bank-connection-web-form"

export const syncBankConnectionWebFormWorkflowId = "sync-bank-connection-web-form"

/** Follows a connection's web form to its end; callback and polling may race, the lock serialises them. */
export const syncBankConnectionWebFormWorkflow = createWorkflow(
  syncBankConnectionWebFormWorkflowId,
  function (input: { connection_id: string }) {
    acquireLockStep({ key: input.connection_id, timeout: 30, ttl: 60 })
    const connection = syncBankConnectionWebFormStep(input)
    releaseLockStep({ key: input.connection_id })
    return new WorkflowResponse(connection)
  }
)
