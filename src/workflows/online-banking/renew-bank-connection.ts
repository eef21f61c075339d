import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { RenewBankConnectionInput, renewBankConnectionStep } from "../steps/renew-bank-connection"

export const renewBankConnectionWorkflowId = "renew-bank-connection"

/** Renews a connection's consent: a background update, or the web form finAPI asks for. */
export const renewBankConnectionWorkflow = createWorkflow(
  renewBankConnectionWorkflowId,
  function (input: RenewBankConnectionInput) {
    acquireLockStep({ key: input.connection_id, timeout: 30, ttl: 120 })
    const result = renewBankConnectionStep(input)
    releaseLockStep({ key: input.connection_id })
    return new WorkflowResponse(result)
  }
)
