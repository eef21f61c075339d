import type { MedusaContainer } from "@medusajs/framework/types"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import { planAutoAssignments, type TransactionPlan } from "../../modules/bank-reconciliation/auto-assign-plan"
import { matchTransactions } from "../../modules/bank-reconciliation/matching"
import type BankReconciliationModuleService from "../../modules/bank-reconciliation/service"
import type { OrderLimit } from "../matching/open-orders"
import { markOrdersChanged, openItemsOfRun } from "../matching/open-items-snapshot"
import { loadAssignableTransactions } from "./load-assignable-transactions"

export type AutoAssignPlans = {
  plans: TransactionPlan[]
  /** What each order the plans assign to owes per Medusa (only those). */
  limits: Record<string, OrderLimit>
  /** Orders a plan takes a confirmed assignment from: the run reads them again (see takeConfirmedAssignments). */
  reread: string[]
}

/**
 * Reads the assignable payments (see loadAssignableTransactions) and every open item (from the run's
 * snapshot when `run_id` names one, see open-items-snapshot.ts), runs the
 * matching engine with the shop's `matching` options and plans the changes. Reads only.
 */
export async function planAutoAssignmentChanges(container: MedusaContainer, input: { transaction_ids?: string[]; run_id?: string }): Promise<AutoAssignPlans> {
  const assignable = await loadAssignableTransactions(container, input)
  if (!assignable.transactions.length) {
    return { plans: [], limits: {}, reread: [] }
  }
  const open = await openItemsOfRun(container, input.run_id)
  const { matching } = await container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE).getOptions()
  const matched = matchTransactions({ transactions: assignable.transactions, openItems: open.items, options: matching })
  const currency = new Map(assignable.transactions.map((t) => [t.id, t.currency.toLowerCase()]))
  const customer = new Map(open.items.map((item) => [item.orderId, item.customerId ?? null]))
  const plans = planAutoAssignments(matched.results, {
    currencyOf: (id) => currency.get(id) ?? "eur",
    customerOf: (id) => customer.get(id) ?? null,
    existingOf: (id) => assignable.existing[id] ?? [],
  })
  const limits: Record<string, OrderLimit> = {}
  const existing = new Map(Object.values(assignable.existing).flat().map((row) => [row.id, row]))
  // what this batch changes is read again before any run's next batch (whether it is written or not);
  // only confirmed assignments change what an order owes (see open-order-rows.ts), proposals do not
  const reread = plans.flatMap((plan) => plan.remove.map((id) => existing.get(id)).filter((row) => row?.status === "confirmed").map((row) => row!.order_id))
  markOrdersChanged([...plans.flatMap((plan) => plan.create.filter((row) => row.status === "confirmed").map((row) => row.order_id)), ...reread])
  for (const plan of plans) {
    for (const row of plan.create) {
      if (open.limits[row.order_id]) {
        limits[row.order_id] = open.limits[row.order_id]
      }
    }
  }
  return { plans, limits, reread }
}
