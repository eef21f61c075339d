import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { graphList, page } from "../list-query"
import { AdminListAccountsType } from "../validators"

export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListAccountsType>, res: MedusaResponse) => {
  const { interface_id, connection_id } = req.validatedQuery
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const filters: Record<string, unknown> = {}
  if (connection_id) {
    filters.connection_id = connection_id
  }
  if (interface_id) {
    filters.connection = { interface_id }
  }
  const { data, metadata } = await query.graph({ entity: "bank_account", ...graphList(req.queryConfig), filters })
  res.json({ accounts: data, ...page(metadata, data) })
}
