import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import type BankReconciliationModuleService from "../../modules/bank-reconciliation/service"
import type { AssignmentChange } from "../../modules/bank-reconciliation/service"

export const prepareAssignmentRemovalStepId = "prepare-assignment-removal"

/**
 * Removing an assignment (or turning a proposal down) marks it rejected: it stops counting, stays
 * visible as history, and auto-assign never proposes that order for that payment again. Reads only.
 */
export const prepareAssignmentRemovalStep = createStep(prepareAssignmentRemovalStepId, async (input: { id: string; actor_id?: string | null }, { container }) => {
  const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
  const assignment = await service.retrievePaymentAssignment(input.id, { select: ["id", "status", "transaction_id"] })
  if (assignment.status === "booked" || assignment.status === "booking") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This assignment is booked already and cannot be removed; record a refund or correction on the order instead.")
  }
  if (assignment.status === "rejected") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This assignment was removed already; reload the payment.")
  }
  const change: AssignmentChange = { transaction_id: assignment.transaction_id, update: [{ id: assignment.id, status: "rejected" }], actor_id: input.actor_id ?? null }
  return new StepResponse(change)
})
