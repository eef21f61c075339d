import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { recordNotification } from "./record-notification"

/**
 * finAPI sends every notification to one client-wide URL (`userNotificationCallbackUrl`); set it to
 * this route. The rule's handle arrives as `callbackHandle` in the body.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  await recordNotification(req.scope, (req.body as { callbackHandle?: unknown } | undefined)?.callbackHandle)
  res.json({ received: true })
}
