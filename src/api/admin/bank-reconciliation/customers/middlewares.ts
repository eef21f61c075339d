import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { listQuery } from "../list-query"
import { AdminForgetLearnedPayer, AdminListLearnedPayers, LEARNED_PAYER_FIELDS } from "./validators"

/** What the plugin learned about a customer's payers (IBANs, names), and removing it. */
export const learnedPayerMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/bank-reconciliation/customers/:id/learned-payers", methods: ["GET"], middlewares: [listQuery(AdminListLearnedPayers, LEARNED_PAYER_FIELDS)] },
  { matcher: "/admin/bank-reconciliation/customers/:id/learned-payers/remove", methods: ["POST"], middlewares: [validateAndTransformBody(AdminForgetLearnedPayer)] },
]
