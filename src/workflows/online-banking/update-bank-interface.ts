import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateBankInterfaceStep, UpdateBankInterfaceStepInput } from "../steps/update-bank-interface"

export const updateBankInterfaceWorkflowId = "update-bank-interface"

/** Renames or re-describes an interface. */
export const updateBankInterfaceWorkflow = createWorkflow(
  updateBankInterfaceWorkflowId,
  function (input: UpdateBankInterfaceStepInput) {
    return new WorkflowResponse(updateBankInterfaceStep(input))
  }
)
