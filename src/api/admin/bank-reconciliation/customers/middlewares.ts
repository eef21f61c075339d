import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { AdminForgetLearnedPayer } from "./validators"

/** What the plugin learned about a customer's payers (IBANs, names), and removing it. */
export const learnedPayerMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/bank-reconciliation/customers/:id/learned-payers/remove", methods: ["POST"], middlewares: [validateAndTransformBody(AdminForgetLearnedPayer)] },
]
