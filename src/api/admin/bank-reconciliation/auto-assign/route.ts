import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { autoAssignInPages } from "../../../../workflows/assignment/auto-assign-transactions"
import { AdminAutoAssignType } from "../assignments/validators"
import type { AutoAssignSummary } from "../../../../types/http"

/** "Assign automatically": matches the open payments now, page by page, and says what came of it. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminAutoAssignType>, res: MedusaResponse) => {
  res.json({ summary: (await autoAssignInPages(req.scope, req.validatedBody.transaction_ids)) satisfies AutoAssignSummary })
}
