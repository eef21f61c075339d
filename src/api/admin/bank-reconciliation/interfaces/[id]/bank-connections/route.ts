import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { BANK_CONNECTION_FIELDS } from "../../../query-config"
import { retrieveBankInterface } from "../../../retrieve"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await retrieveBankInterface(req.scope, req.params.id)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "bank_connection",
    fields: BANK_CONNECTION_FIELDS,
    filters: { interface_id: req.params.id },
    pagination: { order: { created_at: "ASC" } },
  })
  res.json({ bank_connections: data, count: data.length })
}
