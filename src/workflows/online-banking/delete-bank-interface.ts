import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteBankInterfaceStep } from "../steps/delete-bank-interface"
import { deleteFinapiUserStep } from "../steps/delete-finapi-user"
import { validateBankInterfaceDeletableStep } from "../steps/validate-bank-interface-deletable"

export const deleteBankInterfaceWorkflowId = "delete-bank-interface"

/** Deletes an interface and its finAPI user, unless payments of it were booked into orders. */
export const deleteBankInterfaceWorkflow = createWorkflow(
  deleteBankInterfaceWorkflowId,
  function (input: { id: string }) {
    validateBankInterfaceDeletableStep(input)
    deleteFinapiUserStep(input)
    const removed = deleteBankInterfaceStep(input)
    return new WorkflowResponse(removed)
  }
)
