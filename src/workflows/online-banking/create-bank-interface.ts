import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createBankInterfaceStep, CreateBankInterfaceStepInput } from "../steps/create-bank-interface"

export const createBankInterfaceWorkflowId = "create-bank-interface"

/** Creates an online-banking interface; it is not connected to finAPI until "connect" runs. */
export const createBankInterfaceWorkflow = createWorkflow(
  createBankInterfaceWorkflowId,
  function (input: CreateBankInterfaceStepInput) {
    const bankInterface = createBankInterfaceStep(input)
    return new WorkflowResponse(bankInterface)
  }
)
