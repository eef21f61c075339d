import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createBankConnectionWebFormStep } from "../steps/create-bank-connection-web-form"
import { createPendingBankConnectionStep } from "../steps/create-pending-bank-connection"

export const startBankConnectionImportWorkflowId = "start-bank-connection-import"

/** "Link new bank": a pending connection plus the finAPI web form (20 minutes valid) the operator opens. */
export const startBankConnectionImportWorkflow = createWorkflow(
  startBankConnectionImportWorkflowId,
  function (input: { interface_id: string; label: string }) {
    const pending = createPendingBankConnectionStep(input)
    const formInput = transform({ input, pending }, ({ input, pending }) => ({
      interface_id: input.interface_id,
      connection_id: pending.connection.id,
      label: input.label,
      callback_token: pending.callbackToken,
    }))
    const connection = createBankConnectionWebFormStep(formInput)
    return new WorkflowResponse(connection)
  }
)
