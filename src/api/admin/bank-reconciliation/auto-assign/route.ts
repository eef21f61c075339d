import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { autoAssignTransactionsWorkflow } from "../../../../workflows/auto-assign-transactions"
import { AdminAutoAssignType } from "../assignments/validators"

/** "Assign automatically": matches the open payments now and says what came of it. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminAutoAssignType>, res: MedusaResponse) => {
  const { result } = await autoAssignTransactionsWorkflow(req.scope).run({ input: { transaction_ids: req.validatedBody.transaction_ids } })
  res.json({ summary: result })
}
