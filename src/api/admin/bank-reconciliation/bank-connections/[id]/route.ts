import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { disconnectBankConnectionWorkflow } from "../../../../../workflows/online-banking/disconnect-bank-connection"
import { retrieveBankConnection } from "../../retrieve"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ bank_connection: await retrieveBankConnection(req.scope, req.params.id) })
}

/** Disconnect: the connection is deleted at finAPI; its imported data stays in Medusa. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await retrieveBankConnection(req.scope, req.params.id)
  await disconnectBankConnectionWorkflow(req.scope).run({ input: { connection_id: req.params.id } })
  res.json({ bank_connection: await retrieveBankConnection(req.scope, req.params.id) })
}
