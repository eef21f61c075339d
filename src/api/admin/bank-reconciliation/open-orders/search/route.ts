import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { OpenItemInput } from "../../../../../modules/bank-reconciliation/matching"
import { searchOpenOrdersWorkflow } from "../../../../../workflows/assignment/search-open-orders"
import { AdminSearchOpenOrdersType } from "../../assignments/validators"
import type { OpenOrder } from "../../../../../types/http"

const toResponse = (item: OpenItemInput): OpenOrder => ({
  order_id: item.orderId,
  display_id: item.displayId,
  invoice_number: item.invoiceNumber,
  payment_reference: item.paymentReference,
  customer_id: item.customerId,
  customer_name: item.customerName,
  company_name: item.companyName,
  email: item.customerEmail,
  known_ibans: item.knownIbans,
  currency_code: item.currency.toLowerCase(),
  total: item.total,
  outstanding: item.outstanding,
  created_at: item.createdAt,
})

/** Open orders (not canceled, not fully paid or assigned) by number, name, reference or amount, with what each still owes. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminSearchOpenOrdersType>, res: MedusaResponse) => {
  const { result } = await searchOpenOrdersWorkflow(req.scope).run({ input: req.validatedQuery })
  res.json({ open_orders: result.map(toResponse) })
}
