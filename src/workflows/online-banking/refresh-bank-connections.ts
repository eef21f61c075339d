import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { bankInterfaceLockKey } from "../../lib/lock-keys"
import { refreshBankConnectionsStep } from "../steps/refresh-bank-connections"

export const refreshBankConnectionsWorkflowId = "refresh-bank-connections"

/** Mirrors finAPI's bank connections and accounts of one interface; running it twice changes nothing. */
export const refreshBankConnectionsWorkflow = createWorkflow(
  refreshBankConnectionsWorkflowId,
  function (input: { interface_id: string }) {
    const lockKey = transform({ input }, ({ input }) => bankInterfaceLockKey(input.interface_id))
    acquireLockStep({ key: lockKey, timeout: 60, ttl: 120 })
    const result = refreshBankConnectionsStep(input)
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(result)
  }
)
