import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { refreshBankConnectionsWorkflow } from "../../../../../../../workflows/refresh-bank-connections"
import { BANK_CONNECTION_FIELDS } from "../../../../query-config"
import { retrieveBankInterface } from "../../../../retrieve"

export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await retrieveBankInterface(req.scope, req.params.id)
  const { result } = await refreshBankConnectionsWorkflow(req.scope).run({ input: { interface_id: req.params.id } })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "bank_connection",
    fields: BANK_CONNECTION_FIELDS,
    filters: { interface_id: req.params.id },
    pagination: { order: { created_at: "ASC" } },
  })
  res.json({ result, bank_connections: data, count: data.length })
}
