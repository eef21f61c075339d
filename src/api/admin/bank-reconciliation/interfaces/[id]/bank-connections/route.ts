import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listBankConnectionsOf, retrieveBankInterface } from "../../../retrieve"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await retrieveBankInterface(req.scope, req.params.id)
  const connections = await listBankConnectionsOf(req.scope, req.params.id)
  res.json({ bank_connections: connections, count: connections.length })
}
