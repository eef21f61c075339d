import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { graphList, page } from "../../../list-query"
import { retrieveBankInterface } from "../../../retrieve"

/** An interface's bank connections with their accounts, oldest first unless `order` says otherwise. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await retrieveBankInterface(req.scope, req.params.id)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({ entity: "bank_connection", ...graphList(req.queryConfig), filters: { interface_id: req.params.id } })
  res.json({ bank_connections: data, ...page(metadata, data) })
}
