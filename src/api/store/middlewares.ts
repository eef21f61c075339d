import { authenticate, MiddlewareRoute } from "@medusajs/framework/http"

/** Store routes of the bank-transfer provider: an order's instructions only for its own customer. */
export const storeBankTransferMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/orders/:id/bank-transfer",
    methods: ["GET"],
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
]
