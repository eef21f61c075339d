import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { renewBankConnectionWorkflow } from "../../../../../../workflows/online-banking/renew-bank-connection"
import { operatorUserMetadata } from "../../../../../../modules/bank-reconciliation/finapi/user-metadata"
import { retrieveBankConnection } from "../../../retrieve"

/** "Renew": background update; when finAPI needs the user, `renewal.web_form_url` is the form to open. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await retrieveBankConnection(req.scope, req.params.id)
  const { result } = await renewBankConnectionWorkflow(req.scope).run({
    input: { connection_id: req.params.id, user_metadata: operatorUserMetadata(req) },
  })
  res.json({ renewal: result, bank_connection: await retrieveBankConnection(req.scope, req.params.id) })
}
