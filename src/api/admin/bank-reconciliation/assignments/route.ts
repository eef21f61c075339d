import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { graphList, page } from "../list-query"
import { AdminListAssignmentsType } from "./validators"

/** Assignments, newest first, filtered by status, payment, order or customer. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListAssignmentsType>, res: MedusaResponse) => {
  const { status, transaction_id, order_id, customer_id } = req.validatedQuery
  const filters = Object.fromEntries(Object.entries({ status, transaction_id, order_id, customer_id }).filter(([, value]) => value !== undefined))
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({ entity: "payment_assignment", ...graphList(req.queryConfig), filters })
  res.json({ assignments: data, ...page(metadata, data) })
}
