import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { FINAPI_CALL_LOG_FIELDS } from "../../../query-config"
import { retrieveBankInterface } from "../../../retrieve"
import { AdminListParamsType } from "../../../validators"

export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListParamsType>, res: MedusaResponse) => {
  await retrieveBankInterface(req.scope, req.params.id)
  const { limit, offset } = req.validatedQuery
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "finapi_call_log",
    fields: FINAPI_CALL_LOG_FIELDS,
    filters: { interface_id: req.params.id },
    pagination: { skip: offset, take: limit, order: { at: "DESC" } },
  })
  res.json({ log: data, count: metadata?.count ?? data.length, limit, offset })
}
