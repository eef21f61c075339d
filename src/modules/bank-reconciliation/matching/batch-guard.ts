import { formatCents, parseCents } from "./amounts"
import { reason } from "./reasons"
import type { MatchOptions, MatchResult } from "./types"

/**
 * Each transaction is decided against the input outstanding amounts. When several `auto`
 * results of one run together exceed an order's outstanding amount (a duplicate transfer, two
 * payers for one order), none of them is safe to book unattended: all of them become
 * `suggest`, whatever their order in the input, so the operator sees the conflict.
 */
export function guardBatchConflicts(results: MatchResult[], outstanding: { get(orderId: string): number | undefined }, options: MatchOptions): MatchResult[] {
  if (!options.batchConflictGuard) {
    return results
  }
  const totals = new Map<string, { cents: number; count: number }>()
  for (const result of results) {
    if (result.decision !== "auto") {
      continue
    }
    for (const allocation of result.allocations) {
      const total = totals.get(allocation.orderId) ?? { cents: 0, count: 0 }
      total.cents += parseCents(allocation.amount) ?? 0
      total.count++
      totals.set(allocation.orderId, total)
    }
  }
  const overbooked = new Set(
    [...totals.entries()]
      .filter(([orderId, total]) => total.count > 1 && total.cents > (outstanding.get(orderId) ?? 0))
      .map(([orderId]) => orderId)
  )
  if (!overbooked.size) {
    return results
  }
  return results.map((result) => {
    const conflict = result.decision === "auto" ? result.allocations.find((a) => overbooked.has(a.orderId)) : undefined
    if (!conflict) {
      return result
    }
    const total = totals.get(conflict.orderId)!
    const params = { count: total.count, order: conflict.orderId, total: formatCents(total.cents), outstanding: formatCents(outstanding.get(conflict.orderId) ?? 0) }
    const detail = `${total.count} payments in this run would go to order ${conflict.orderId} (together ${params.total}, outstanding ${params.outstanding}); confirm by hand`
    return {
      ...result,
      decision: "suggest" as const,
      confidence: Math.min(result.confidence, Math.round((options.autoThreshold - 0.01) * 1000) / 1000),
      reasons: [...result.reasons, reason("batch", detail, "batch_conflict", params)],
    }
  })
}
