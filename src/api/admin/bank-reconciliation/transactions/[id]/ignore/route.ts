import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ignoreTransactionWorkflow } from "../../../../../../workflows/assignment/ignore-transaction"
import { unignoreTransactionWorkflow } from "../../../../../../workflows/assignment/unignore-transaction"
import { retrieveTransactionAssignments } from "../../../assignments/retrieve"
import { AdminIgnoreTransactionType } from "../../../assignments/validators"

/** Marks the payment as not for this shop, with a reason. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminIgnoreTransactionType>, res: MedusaResponse) => {
  await ignoreTransactionWorkflow(req.scope).run({ input: { transaction_id: req.params.id, reason: req.validatedBody.reason, actor_id: req.auth_context.actor_id } })
  res.json(await retrieveTransactionAssignments(req.scope, req.params.id))
}

/** Undoes "not for this shop". */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await unignoreTransactionWorkflow(req.scope).run({ input: { transaction_id: req.params.id, actor_id: req.auth_context.actor_id } })
  res.json(await retrieveTransactionAssignments(req.scope, req.params.id))
}
