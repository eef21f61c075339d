import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { refreshBankConnectionsStep } from "../steps/refresh-bank-connections"

export const refreshBankConnectionsWorkflowId = "refresh-bank-connections"

/** Mirrors finAPI's bank connections and accounts of one interface; running it twice changes nothing. */
export const refreshBankConnectionsWorkflow = createWorkflow(
  refreshBankConnectionsWorkflowId,
  function (input: { interface_id: string }) {
    acquireLockStep({ key: input.interface_id, timeout: 60, ttl: 120 })
    const result = refreshBankConnectionsStep(input)
    releaseLockStep({ key: input.interface_id })
    return new WorkflowResponse(result)
  }
)
