import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { connectFinapiUserStep, ConnectFinapiUserStepInput } from "../steps/connect-finapi-user"

export const connectBankInterfaceWorkflowId = "connect-bank-interface"

/** Creates the interface's finAPI user the first time, verifies the stored login afterwards; one at a time per interface. */
export const connectBankInterfaceWorkflow = createWorkflow(
  connectBankInterfaceWorkflowId,
  function (input: ConnectFinapiUserStepInput) {
    acquireLockStep({ key: input.id, timeout: 30, ttl: 60 })
    const bankInterface = connectFinapiUserStep(input)
    releaseLockStep({ key: input.id })
    return new WorkflowResponse(bankInterface)
  }
)
