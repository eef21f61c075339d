import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { getOrderDetailWorkflow } from "@medusajs/medusa/core-flows"
import { describeOrderBankTransfer } from "../../../../../lib/bank-transfer/order-bank-transfer"
import { ORDER_BANK_TRANSFER_FIELDS } from "../../../query-config"
import { emailProvesOrder } from "./order-access"

/**
 * How to pay an order by bank transfer (what is still owed) and how far it is paid: for the
 * logged-in customer's own order, or for a guest who gives the e-mail the order was placed with
 * (`?email=`). Anything else is "not found", exactly like an order that does not exist.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const notFound = new MedusaError(MedusaError.Types.NOT_FOUND, `Order id not found: ${req.params.id}`)
  const { result: order } = await getOrderDetailWorkflow(req.scope)
    .run({ input: { order_id: req.params.id, fields: ORDER_BANK_TRANSFER_FIELDS, filters: { is_draft_order: false } } })
    .catch(() => {
      throw notFound
    })
  const customerId = req.auth_context?.actor_id
  const ownOrder = !!customerId && order.customer_id === customerId
  if (!ownOrder && !emailProvesOrder(req.query.email, order.email)) {
    throw notFound
  }
  const described = await describeOrderBankTransfer(order)
  if (!described) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${order.id} is not paid by bank transfer`)
  }
  res.json(described)
}
