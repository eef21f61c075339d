import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PAYMENT_ASSIGNMENT_FIELDS } from "./query-config"
import { AdminListAssignmentsType } from "./validators"

/** Assignments, newest first, filtered by status, payment, order or customer. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListAssignmentsType>, res: MedusaResponse) => {
  const { limit, offset, ...filters } = req.validatedQuery
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "payment_assignment",
    fields: PAYMENT_ASSIGNMENT_FIELDS,
    filters,
    pagination: { skip: offset, take: limit, order: { created_at: "DESC", id: "DESC" } },
  })
  res.json({ assignments: data, count: metadata?.count ?? data.length, limit, offset })
}
