import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import type BankReconciliationModuleService from "../../modules/bank-reconciliation/service"
import type { AssignmentChange } from "../../modules/bank-reconciliation/service"

export const applyAssignmentChangesStepId = "apply-assignment-changes"

/**
 * Writes one transaction's assignment changes, re-checking under database locks that neither the
 * payment nor an order is over-assigned; compensation puts the previous assignments back.
 */
export const applyAssignmentChangesStep = createStep(
  applyAssignmentChangesStepId,
  async (change: AssignmentChange, { container }) => {
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    const applied = await service.applyAssignmentChanges(change)
    return new StepResponse(applied, applied)
  },
  async (applied, { container }) => {
    if (!applied) {
      return
    }
    await container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE).revertAssignmentChanges(applied)
  }
)
