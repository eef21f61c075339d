import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { getOrderDetailWorkflow } from "@medusajs/medusa/core-flows"
import { describeOrderBankTransfer } from "../../../../../providers/bank-transfer/order-bank-transfer"
import { BANK_TRANSFER_SESSION_FIELDS } from "../../../query-config"

const ORDER_FIELDS = [
  "id",
  "display_id",
  "currency_code",
  "total",
  "metadata",
  "summary.*",
  ...BANK_TRANSFER_SESSION_FIELDS.map((field) => `payment_collections.payment_sessions.${field}`),
]

/** How to pay the customer's own order by bank transfer (what is still owed) and how far it is paid. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  // Another customer's order is "not found", exactly like one that does not exist.
  const { result: order } = await getOrderDetailWorkflow(req.scope).run({
    input: {
      order_id: req.params.id,
      fields: ORDER_FIELDS,
      filters: { customer_id: req.auth_context.actor_id, is_draft_order: false },
    },
  })
  const described = describeOrderBankTransfer(order)
  if (!described) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${order.id} is not paid by bank transfer`)
  }
  res.json(described)
}
