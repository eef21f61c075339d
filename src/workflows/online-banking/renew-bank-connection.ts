import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { bankConnectionLockKey } from "../../lib/lock-keys"
import { RenewBankConnectionInput, renewBankConnectionStep } from "../steps/renew-bank-connection"

export const renewBankConnectionWorkflowId = "renew-bank-connection"

/** Renews a connection's consent: a background update, or the web form finAPI asks for. */
export const renewBankConnectionWorkflow = createWorkflow(
  renewBankConnectionWorkflowId,
  function (input: RenewBankConnectionInput) {
    const lockKey = transform({ input }, ({ input }) => bankConnectionLockKey(input.connection_id))
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 120 })
    const result = renewBankConnectionStep(input)
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(result)
  }
)
