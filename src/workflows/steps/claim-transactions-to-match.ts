import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import type BankReconciliationModuleService from "../../modules/bank-reconciliation/service"

export const claimTransactionsToMatchStepId = "claim-transactions-to-match"

/**
 * Claims a batch of payments that still need matching (see the service's claim). Compensation
 * gives the claim back, so another run can take them at once instead of after the lease.
 */
export const claimTransactionsToMatchStep = createStep(
  claimTransactionsToMatchStepId,
  async (input: { limit: number; lease_seconds: number }, { container }) => {
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    const ids = await service.claimTransactionsToMatch(input.limit, input.lease_seconds)
    return new StepResponse({ ids }, ids)
  },
  async (ids, { container }) => {
    await container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE).releaseTransactionsToMatch(ids ?? [], true)
  }
)
