import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { removeBankConnectionWorkflow } from "../../../../../../workflows/online-banking/remove-bank-connection"
import { retrieveBankConnection } from "../../../retrieve"

/** Removes a disconnected (or failed, or never completed) connection from the list; its imported payments stay. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await retrieveBankConnection(req.scope, req.params.id)
  await removeBankConnectionWorkflow(req.scope).run({ input: { connection_id: req.params.id } })
  res.json({ id: req.params.id, object: "bank_connection", deleted: true })
}
