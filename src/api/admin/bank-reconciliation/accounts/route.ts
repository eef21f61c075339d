import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { BANK_ACCOUNT_FIELDS } from "../query-config"
import { AdminListAccountsType } from "../validators"

export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListAccountsType>, res: MedusaResponse) => {
  const { limit, offset, interface_id, connection_id } = req.validatedQuery
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const filters: Record<string, unknown> = {}
  if (connection_id) {
    filters.connection_id = connection_id
  }
  if (interface_id) {
    filters.connection = { interface_id }
  }
  const { data, metadata } = await query.graph({
    entity: "bank_account",
    fields: [...BANK_ACCOUNT_FIELDS, "connection.label", "connection.status", "connection.bank_name", "connection.interface_id"],
    filters,
    pagination: { skip: offset, take: limit, order: { created_at: "ASC" } },
  })
  res.json({ accounts: data, count: metadata?.count ?? data.length, limit, offset })
}
