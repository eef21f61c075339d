import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { graphList, page } from "../../../list-query"
import { retrieveBankInterface } from "../../../retrieve"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await retrieveBankInterface(req.scope, req.params.id)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({ entity: "finapi_call_log", ...graphList(req.queryConfig), filters: { interface_id: req.params.id } })
  res.json({ log: data, ...page(metadata, data) })
}
