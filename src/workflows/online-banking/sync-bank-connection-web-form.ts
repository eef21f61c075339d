import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { bankConnectionLockKey } from "../../lib/lock-keys"
import { syncBankConnectionWebFormStep } from "../steps/sync-bank-connection-web-form"

export const syncBankConnectionWebFormWorkflowId = "sync-bank-connection-web-form"

/** Follows a connection's web form to its end; callback and polling may race, the lock serialises them. */
export const syncBankConnectionWebFormWorkflow = createWorkflow(
  syncBankConnectionWebFormWorkflowId,
  function (input: { connection_id: string }) {
    const lockKey = transform({ input }, ({ input }) => bankConnectionLockKey(input.connection_id))
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 60 })
    const connection = syncBankConnectionWebFormStep(input)
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(connection)
  }
)
