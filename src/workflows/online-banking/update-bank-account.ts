import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateBankAccountStep } from "../steps/update-bank-account"

export const updateBankAccountWorkflowId = "update-bank-account"

/** Lets the operator switch the import of one account off (or on again). */
export const updateBankAccountWorkflow = createWorkflow(
  updateBankAccountWorkflowId,
  function (input: { id: string; import_enabled: boolean }) {
    return new WorkflowResponse(updateBankAccountStep(input))
  }
)
