import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { refreshBankConnectionsWorkflow } from "../../../../../../../workflows/online-banking/refresh-bank-connections"
import { listBankConnectionsOf, retrieveBankInterface } from "../../../../retrieve"

/** "Refresh list": re-reads the interface's connections and accounts from finAPI. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await retrieveBankInterface(req.scope, req.params.id)
  const { result } = await refreshBankConnectionsWorkflow(req.scope).run({ input: { interface_id: req.params.id } })
  const connections = await listBankConnectionsOf(req.scope, req.params.id)
  res.json({ result, bank_connections: connections, count: connections.length })
}
