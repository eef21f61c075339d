import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { PAYMENT_ASSIGNMENT_FIELDS } from "./query-config"

/** A payment's status and totals with its assignments (removed ones included, as history); 404 when unknown. */
export async function retrieveTransactionAssignments(scope: MedusaContainer, transactionId: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [transaction],
  } = await query.graph({
    entity: "bank_transaction",
    fields: ["id", "amount", "currency_code", "status", "assigned_amount", "booked_amount", "ignore_reason"],
    filters: { id: transactionId },
  })
  if (!transaction) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Payment "${transactionId}" was not found; reload the list.`)
  }
  const { data: assignments } = await query.graph({
    entity: "payment_assignment",
    fields: PAYMENT_ASSIGNMENT_FIELDS,
    filters: { transaction_id: transactionId },
    pagination: { order: { created_at: "ASC" } },
  })
  return { transaction, assignments }
}
