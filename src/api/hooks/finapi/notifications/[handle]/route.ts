import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { startNotifiedImport } from "../start-notified-import"

/** finAPI NEW_TRANSACTIONS push addressed by handle in the path; a wrong handle is a 404 and starts nothing. */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  await startNotifiedImport(req.scope, req.params.handle)
  res.json({ received: true })
}
