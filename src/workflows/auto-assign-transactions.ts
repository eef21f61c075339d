import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { planAutoAssignments, summarisePlans } from "../modules/bank-reconciliation/auto-assign-plan"
import { applyAutoAssignmentsStep } from "./steps/apply-auto-assignments"
import { holdPaymentsForCancelledOrdersStep } from "./steps/hold-payments-for-cancelled-orders"
import { loadAssignableTransactionsStep } from "./steps/load-assignable-transactions"
import { loadOpenItemsStep } from "./steps/load-open-items"
import { matchTransactionsStep } from "./steps/match-transactions"

export const autoAssignTransactionsWorkflowId = "auto-assign-transactions"

/** One auto-assign run at a time: two runs would propose the same money twice. */
export const AUTO_ASSIGN_LOCK = "finapi:auto-assign"

export type AutoAssignTransactionsInput = {
  /** Only these transactions (still unassigned or proposed); default: every such transaction. */
  transaction_ids?: string[]
}

/**
 * Matches unassigned and proposed payments (not held back as duplicates) against the open orders:
 * the engine's `auto` decisions are confirmed at once, `suggest` ones wait as proposals with
 * confidence and evidence. Re-running changes nothing unless the answer changed, and never
 * proposes an order an operator rejected for that payment.
 */
export const autoAssignTransactionsWorkflow = createWorkflow(
  autoAssignTransactionsWorkflowId,
  function (input: AutoAssignTransactionsInput) {
    acquireLockStep({ key: AUTO_ASSIGN_LOCK, timeout: 120, ttl: 300 })
    // late payments for cancelled orders wait for the operator (held_reason), never auto-assigned
    holdPaymentsForCancelledOrdersStep(input)
    const assignable = loadAssignableTransactionsStep(input)
    const open = loadOpenItemsStep({})
    const matched = matchTransactionsStep(
      transform({ assignable, open }, ({ assignable, open }) => ({ transactions: assignable.transactions, openItems: open.items }))
    )
    const plans = transform({ matched, assignable, open }, ({ matched, assignable, open }) => {
      const currency = new Map(assignable.transactions.map((t) => [t.id, t.currency.toLowerCase()]))
      const customer = new Map(open.items.map((item) => [item.orderId, item.customerId ?? null]))
      return planAutoAssignments(matched.results, {
        currencyOf: (id) => currency.get(id) ?? "eur",
        customerOf: (id) => customer.get(id) ?? null,
        existingOf: (id) => assignable.existing[id] ?? [],
      })
    })
    const applied = applyAutoAssignmentsStep(transform({ plans, open }, ({ plans, open }) => ({ plans, limits: open.limits })))
    releaseLockStep({ key: AUTO_ASSIGN_LOCK })
    return new WorkflowResponse(
      transform({ plans, applied }, ({ plans, applied }) => ({
        ...summarisePlans(plans, applied.demoted),
        changed: applied.changed.length,
        demoted: applied.demoted,
        skipped: applied.skipped,
        results: plans.map((plan) => ({ transaction_id: plan.transaction_id, decision: plan.decision })),
      }))
    )
  }
)
