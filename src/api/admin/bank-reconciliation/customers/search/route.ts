import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AdminSearchCustomersType } from "../../assignments/validators"

/** Customers by name, company, e-mail or phone, for manual assignment. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminSearchCustomersType>, res: MedusaResponse) => {
  const { q, limit } = req.validatedQuery
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer",
    fields: ["id", "email", "first_name", "last_name", "company_name", "phone"],
    filters: { q },
    pagination: { take: limit, skip: 0, order: { last_name: "ASC", first_name: "ASC" } },
  })
  res.json({ customers: data })
}
