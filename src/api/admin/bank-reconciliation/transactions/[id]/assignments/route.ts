import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { assignTransactionManuallyWorkflow } from "../../../../../../workflows/assignment/assign-transaction-manually"
import { retrieveTransactionAssignments } from "../../../assignments/retrieve"
import { AdminAssignTransactionType } from "../../../assignments/validators"

/** The payment with its assignments and proposals, evidence and confidence included. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json(await retrieveTransactionAssignments(req.scope, req.params.id))
}

/** Assigns the payment to one or more orders with amounts (confirmed; replaces its open proposals). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminAssignTransactionType>, res: MedusaResponse) => {
  await assignTransactionManuallyWorkflow(req.scope).run({
    input: { transaction_id: req.params.id, assignments: req.validatedBody.assignments, actor_id: req.auth_context.actor_id },
  })
  res.json(await retrieveTransactionAssignments(req.scope, req.params.id))
}
