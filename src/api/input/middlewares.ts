import { MiddlewareRoute } from "@medusajs/framework/http"
import { guardStorableInput } from "./storable-input"

/** Every route of the plugin, whatever its method: admin, the bank-transfer store routes, finAPI's hooks. */
export const storableInputMiddlewares: MiddlewareRoute[] = [
  "/admin/bank-reconciliation*",
  "/store/carts/:id/bank-transfer",
  "/store/orders/:id/bank-transfer",
  "/hooks/finapi*",
].map((matcher) => ({ matcher, middlewares: [guardStorableInput] }))
