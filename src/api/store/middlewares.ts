import { authenticate, MiddlewareRoute } from "@medusajs/framework/http"

/** Store routes of the bank-transfer provider: an order's instructions for its customer, or a guest who gives its e-mail. */
export const storeBankTransferMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/orders/:id/bank-transfer",
    methods: ["GET"],
    middlewares: [authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })],
  },
]
