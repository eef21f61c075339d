import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import type { TransactionPlan } from "../../modules/bank-reconciliation/auto-assign-plan"
import type BankReconciliationModuleService from "../../modules/bank-reconciliation/service"
import type { AppliedAssignmentChange, AssignmentChange } from "../../modules/bank-reconciliation/service"
import type { OrderLimit } from "../matching/open-orders"

export const applyAutoAssignmentsStepId = "apply-auto-assignments"

type Input = { plans: TransactionPlan[]; limits: Record<string, OrderLimit> }

/** Changes written in one database transaction (auto-assign of 10 000 payments was 10 000 transactions). */
const BULK = 200

// Someone assigned, ignored or removed the payment (or the order's money) since it was loaded.
function isConcurrentChange(error: unknown): boolean {
  return MedusaError.isMedusaError(error) && [MedusaError.Types.NOT_ALLOWED, MedusaError.Types.NOT_FOUND].includes((error as MedusaError).type)
}

function changeOf(plan: TransactionPlan, limits: Record<string, OrderLimit>): AssignmentChange {
  const confirmed = plan.create.filter((row) => row.status === "confirmed")
  return {
    transaction_id: plan.transaction_id,
    create: plan.create,
    remove: plan.remove,
    order_limits: Object.fromEntries(confirmed.map((row) => [row.order_id, limits[row.order_id]])),
  }
}

/**
 * Persists the plans, BULK payments per database transaction. An automatic assignment that no longer fits
 * (an operator assigned the money meanwhile) is kept as a proposal instead, and a payment changed
 * meanwhile is left alone: it never over-assigns. Compensation reverts every transaction it changed.
 */
export const applyAutoAssignmentsStep = createStep(
  applyAutoAssignmentsStepId,
  async (input: Input, { container }) => {
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    const applied: AppliedAssignmentChange[] = []
    const demoted: string[] = []
    const skipped: string[] = []
    const attempt = async (change: AssignmentChange) => {
      try {
        applied.push(await service.applyAssignmentChanges(change))
        return true
      } catch (error) {
        if (isConcurrentChange(error)) {
          return false
        }
        throw error
      }
    }
    const oneByOne = async (plan: TransactionPlan) => {
      if (await attempt(changeOf(plan, input.limits))) {
        return
      }
      const asProposal = plan.create.map((row) => ({ ...row, status: "proposed" as const }))
      if (plan.decision === "auto" && (await attempt({ transaction_id: plan.transaction_id, create: asProposal, remove: plan.remove }))) {
        demoted.push(plan.transaction_id)
      } else {
        skipped.push(plan.transaction_id)
      }
    }
    const changing = input.plans.filter((plan) => plan.create.length || plan.remove.length)
    try {
      // a chunk in one database transaction; when one of its changes does not fit, one by one
      for (let start = 0; start < changing.length; start += BULK) {
        const chunk = changing.slice(start, start + BULK)
        const bulk = await service.applyAssignmentChangesInBulk(chunk.map((plan) => changeOf(plan, input.limits)))
        if (bulk) {
          applied.push(...bulk)
          continue
        }
        for (const plan of chunk) {
          await oneByOne(plan)
        }
      }
    } catch (error) {
      for (const change of [...applied].reverse()) {
        await service.revertAssignmentChanges(change)
      }
      throw error
    }
    return new StepResponse({ changed: applied.map((a) => a.transaction_id), demoted, skipped }, applied)
  },
  async (applied, { container }) => {
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    for (const change of [...(applied ?? [])].reverse()) {
      await service.revertAssignmentChanges(change)
    }
  }
)
