import { MedusaError } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import type { TransactionPlan } from "../../modules/bank-reconciliation/auto-assign-plan"
import type BankReconciliationModuleService from "../../modules/bank-reconciliation/service"
import type { AppliedAssignmentChange, AssignmentChange } from "../../modules/bank-reconciliation/service"
import type { OrderLimit } from "../matching/open-orders"

/** `matched`: the import hand-off's claimed payments (see AssignmentChange.matched). */
type Input = { plans: TransactionPlan[]; limits: Record<string, OrderLimit>; matched?: boolean }

export type AppliedAutoAssignments = { changed: string[]; demoted: string[]; skipped: string[]; applied: AppliedAssignmentChange[] }

/**
 * Changes written in one database transaction: a matching batch's (auto-assign of 10 000 payments was
 * 10 000 transactions, then 50 of 200).
 */
const BULK = 1_000

// Someone assigned, ignored or removed the payment (or the order's money) since it was loaded.
function isConcurrentChange(error: unknown): boolean {
  return MedusaError.isMedusaError(error) && [MedusaError.Types.NOT_ALLOWED, MedusaError.Types.NOT_FOUND].includes((error as MedusaError).type)
}

function changeOf(plan: TransactionPlan, input: Input): AssignmentChange {
  const confirmed = plan.create.filter((row) => row.status === "confirmed")
  return {
    transaction_id: plan.transaction_id,
    create: plan.create,
    remove: plan.remove,
    order_limits: Object.fromEntries(confirmed.map((row) => [row.order_id, input.limits[row.order_id]])),
    ...(input.matched ? { matched: true } : {}),
  }
}

/**
 * Persists the plans, BULK payments per database transaction. An automatic assignment that no longer fits
 * (an operator assigned the money meanwhile) is kept as a proposal instead, and a payment changed
 * meanwhile is left alone: it never over-assigns. On an error every change it made is reverted before
 * the error is thrown; what it returns in `applied` is what revertAutoAssignments undoes.
 */
export async function applyAutoAssignmentPlans(container: MedusaContainer, input: Input): Promise<AppliedAutoAssignments> {
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
    if (await attempt(changeOf(plan, input))) {
      return
    }
    const asProposal = plan.create.map((row) => ({ ...row, status: "proposed" as const }))
    if (plan.decision === "auto" && (await attempt({ transaction_id: plan.transaction_id, create: asProposal, remove: plan.remove }))) {
      demoted.push(plan.transaction_id)
    } else {
      skipped.push(plan.transaction_id)
    }
  }
  // A chunk in one database transaction; when one of its changes does not fit, each half on its own,
  // down to one by one. The same as one by one in order: a chunk that fits lets every part of it fit
  // (assigned amounts only grow), and the second half is tried after the first is written.
  const write = async (chunk: TransactionPlan[]): Promise<void> => {
    if (chunk.length === 1) {
      return await oneByOne(chunk[0])
    }
    const bulk = await service.applyAssignmentChangesInBulk(chunk.map((plan) => changeOf(plan, input)))
    if (bulk) {
      applied.push(...bulk)
      return
    }
    const half = Math.ceil(chunk.length / 2)
    await write(chunk.slice(0, half))
    await write(chunk.slice(half))
  }
  const changing = input.plans.filter((plan) => plan.create.length || plan.remove.length)
  try {
    for (let start = 0; start < changing.length; start += BULK) {
      await write(changing.slice(start, start + BULK))
    }
  } catch (error) {
    await revertAutoAssignments(container, applied)
    throw error
  }
  return { changed: applied.map((a) => a.transaction_id), demoted, skipped, applied }
}

/** Undoes applied changes, the last first. */
export async function revertAutoAssignments(container: MedusaContainer, applied: AppliedAssignmentChange[]): Promise<void> {
  const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
  for (const change of [...applied].reverse()) {
    await service.revertAssignmentChanges(change)
  }
}
