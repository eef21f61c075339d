import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { loadOverview } from "./overview-query"

/** The figures of the incoming-payments header (see loadOverview). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ overview: await loadOverview(req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION)) })
}
