import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { startBankConnectionImportWorkflow } from "../../../../../../workflows/import/start-bank-connection-import"
import { retrieveBankConnection, retrieveBankInterface } from "../../../retrieve"
import { AdminStartWebFormType } from "../../../validators"

/** "Link new bank": returns the pending connection with the web form URL to open in a new tab. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminStartWebFormType>, res: MedusaResponse) => {
  await retrieveBankInterface(req.scope, req.params.id)
  const { result } = await startBankConnectionImportWorkflow(req.scope).run({
    input: { interface_id: req.params.id, label: req.validatedBody.label },
  })
  res.status(201).json({ bank_connection: await retrieveBankConnection(req.scope, result.id) })
}
