import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { startNotifiedImport } from "./start-notified-import"

/**
 * finAPI sends every notification to one client-wide URL (`userNotificationCallbackUrl`); set it to
 * this route. The rule's handle arrives as `callbackHandle` in the body.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  await startNotifiedImport(req.scope, (req.body as { callbackHandle?: unknown } | undefined)?.callbackHandle)
  res.json({ received: true })
}
