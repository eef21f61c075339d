import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { withFinapiUser } from "../finapi/finapi-user-session"

export type CreateBankConnectionWebFormStepInput = {
  interface_id: string
  connection_id: string
  label: string
  callback_token: string
}

export const createBankConnectionWebFormStepId = "create-bank-connection-web-form"

/** Asks finAPI for a bank-connection import web form that calls back to this backend when finalised. */
export const createBankConnectionWebFormStep = createStep(
  createBankConnectionWebFormStepId,
  async (input: CreateBankConnectionWebFormStepInput, { container }) => {
    const connection = await withFinapiUser(container, input.interface_id, "Opening the finAPI web form", async ({ client, user, service }) => {
      const { backendUrl } = await service.getOptions()
      const form = await client.createBankConnectionImportWebForm(user, {
        bankConnectionName: input.label.slice(0, 64),
        accountTypes: ["CHECKING", "SAVINGS"],
        callbacks: { finalised: `${backendUrl.replace(/\/$/, "")}/hooks/finapi/web-forms/${input.callback_token}` },
      })
      return service.updateBankConnections({
        id: input.connection_id,
        web_form_id: form.id,
        web_form_url: form.url,
        web_form_status: form.status,
      })
    })
    return new StepResponse(connection)
  }
)
