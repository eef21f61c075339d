import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { bankInterfaceLockKey } from "../../lib/lock-keys"
import { connectFinapiUserStep, ConnectFinapiUserStepInput } from "../steps/connect-finapi-user"

export const connectBankInterfaceWorkflowId = "connect-bank-interface"

/** Creates the interface's finAPI user the first time, verifies the stored login afterwards; one at a time per interface. */
export const connectBankInterfaceWorkflow = createWorkflow(
  connectBankInterfaceWorkflowId,
  function (input: ConnectFinapiUserStepInput) {
    const lockKey = transform({ input }, ({ input }) => bankInterfaceLockKey(input.id))
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 60 })
    const bankInterface = connectFinapiUserStep(input)
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(bankInterface)
  }
)
