import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { removeAssignmentWorkflow } from "../../../../../workflows/assignment/remove-assignment"
import { updateAssignmentWorkflow } from "../../../../../workflows/assignment/update-assignment"
import { retrieveTransactionAssignments } from "../retrieve"
import { AdminUpdateAssignmentType } from "../validators"

/** Changes an assignment's amount or confirms a proposal; answers with the payment and its assignments. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateAssignmentType>, res: MedusaResponse) => {
  const { result } = await updateAssignmentWorkflow(req.scope).run({
    input: { id: req.params.id, ...req.validatedBody, actor_id: req.auth_context.actor_id },
  })
  res.json(await retrieveTransactionAssignments(req.scope, result.transaction_id))
}

/** Removes an assignment, or turns a proposal down; answers with the payment and its assignments. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await removeAssignmentWorkflow(req.scope).run({ input: { id: req.params.id, actor_id: req.auth_context.actor_id } })
  res.json({ id: req.params.id, object: "payment_assignment", deleted: true, ...(await retrieveTransactionAssignments(req.scope, result.transaction_id)) })
}
