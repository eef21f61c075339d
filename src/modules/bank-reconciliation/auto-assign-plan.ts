/**
 * Turns the matching engine's results into assignment changes, idempotently: the same result twice
 * changes nothing, a changed result replaces the stale proposals, and an order an operator rejected
 * for a payment is never proposed for it again. Pure.
 */
import { decimal } from "../../lib/money"
import type { Alternative, Decision, MatchResult, Reason } from "./matching"

/** An assignment already stored for a transaction (only what the plan needs). */
export type ExistingAssignment = { id: string; order_id: string; amount: string; status: string }

/** What the engine said, kept on the assignment so the operator sees why. */
export type AssignmentEvidence = { decision: Decision; reasons: Reason[]; alternatives: Alternative[] }

export type PlannedAssignment = {
  order_id: string
  customer_id: string | null
  amount: string
  currency_code: string
  source: "auto"
  status: "proposed" | "confirmed"
  confidence: number
  evidence: AssignmentEvidence
}

export type TransactionPlan = {
  transaction_id: string
  decision: Decision
  create: PlannedAssignment[]
  /** Open proposals that no longer say what the engine says now. */
  remove: string[]
}

type Context = {
  currencyOf: (transactionId: string) => string
  customerOf: (orderId: string) => string | null
  existingOf: (transactionId: string) => ExistingAssignment[]
}

const key = (orderId: string, amount: string) => `${orderId}:${decimal(amount).toFixed(2)}`

function sameAllocations(a: { order_id: string; amount: string }[], b: { orderId: string; amount: string }[]): boolean {
  const left = a.map((x) => key(x.order_id, x.amount)).sort()
  const right = b.map((x) => key(x.orderId, x.amount)).sort()
  return left.length === right.length && left.every((value, i) => value === right[i])
}

/** The changes for one engine result. */
export function planTransaction(result: MatchResult, context: Context): TransactionPlan {
  const existing = context.existingOf(result.transactionId)
  const proposals = existing.filter((a) => a.status === "proposed")
  const rejected = new Set(existing.filter((a) => a.status === "rejected").map((a) => a.order_id))
  const allocations = result.allocations.filter((a) => !rejected.has(a.orderId))
  // An operator turned part of this answer down: it needs a human again.
  const decision: Decision = !allocations.length ? "none" : allocations.length < result.allocations.length ? "suggest" : result.decision
  const plan: TransactionPlan = { transaction_id: result.transactionId, decision, create: [], remove: [] }
  if (decision === "none") {
    plan.remove = proposals.map((a) => a.id)
    return plan
  }
  if (decision === "suggest" && sameAllocations(proposals, allocations)) {
    return plan
  }
  plan.remove = proposals.map((a) => a.id)
  const evidence: AssignmentEvidence = { decision, reasons: result.reasons, alternatives: result.alternatives }
  plan.create = allocations.map((allocation) => ({
    order_id: allocation.orderId,
    customer_id: context.customerOf(allocation.orderId),
    amount: decimal(allocation.amount).toFixed(2),
    currency_code: context.currencyOf(result.transactionId),
    source: "auto",
    status: decision === "auto" ? "confirmed" : "proposed",
    confidence: result.confidence,
    evidence,
  }))
  return plan
}

/** One plan per result, in the engine's order. */
export function planAutoAssignments(results: MatchResult[], context: Context): TransactionPlan[] {
  return results.map((result) => planTransaction(result, context))
}

export type AutoAssignSummary = { considered: number; auto: number; suggested: number; unmatched: number }

/** Counts for the operator's "Assign automatically" message; `demoted` autos were kept as proposals. */
export function summarisePlans(plans: TransactionPlan[], demoted: string[] = []): AutoAssignSummary {
  const auto = plans.filter((p) => p.decision === "auto" && !demoted.includes(p.transaction_id)).length
  const unmatched = plans.filter((p) => p.decision === "none").length
  return { considered: plans.length, auto, suggested: plans.length - auto - unmatched, unmatched }
}
