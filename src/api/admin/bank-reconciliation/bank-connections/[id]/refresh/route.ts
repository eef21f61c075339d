import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { syncBankConnectionWebFormWorkflow } from "../../../../../../workflows/online-banking/sync-bank-connection-web-form"
import { retrieveBankConnection } from "../../../retrieve"

/** Follows the connection's open web form (the admin polls this while the operator is in the form). */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await retrieveBankConnection(req.scope, req.params.id)
  await syncBankConnectionWebFormWorkflow(req.scope).run({ input: { connection_id: req.params.id } })
  res.json({ bank_connection: await retrieveBankConnection(req.scope, req.params.id) })
}
