import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { recordNotification } from "../record-notification"

/** finAPI NEW_TRANSACTIONS push addressed by handle in the path; a wrong handle is a 404 and records nothing. */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  await recordNotification(req.scope, req.params.handle)
  res.json({ received: true })
}
