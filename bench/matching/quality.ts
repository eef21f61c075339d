import type { Allocation, MatchResult } from "../../src/modules/bank-reconciliation/matching"
import type { LabelledTransaction } from "./synthetic-payments"

export type Quality = {
  transactions: number
  autos: number
  autoPrecision: number
  certain: number
  autoRate: number
  answers: number
  suggestionAccuracy: number
  ambiguous: number
  ambiguousAuto: number
  noise: number
  noiseAuto: number
  byKind: Map<string, { count: number; auto: number; right: number; wrongAuto: number }>
}

function key(allocations: Allocation[]): string {
  return allocations.map((a) => `${a.orderId}=${a.amount}`).sort().join(",")
}

/** The contract's "How it is judged" figures for one labelled run. */
export function measureQuality(labelled: LabelledTransaction[], results: MatchResult[]): Quality {
  let autos = 0, rightAutos = 0, certain = 0, certainAuto = 0, answers = 0, answersRight = 0
  let ambiguous = 0, ambiguousAuto = 0, noise = 0, noiseAuto = 0
  const byKind = new Map<string, { count: number; auto: number; right: number; wrongAuto: number }>()
  labelled.forEach((item, i) => {
    const result = results[i]
    const right = item.expected !== null && result.decision !== "none" && key(result.allocations) === key(item.expected)
    const auto = result.decision === "auto"
    autos += auto ? 1 : 0
    rightAutos += auto && right ? 1 : 0
    if (item.label === "certain") {
      certain++
      certainAuto += auto && right ? 1 : 0
    } else if (item.label === "answer") {
      answers++
      answersRight += right ? 1 : 0
    } else if (item.label === "ambiguous") {
      ambiguous++
      ambiguousAuto += auto ? 1 : 0
    } else {
      noise++
      noiseAuto += auto ? 1 : 0
    }
    const stats = byKind.get(item.kind) ?? { count: 0, auto: 0, right: 0, wrongAuto: 0 }
    stats.count++
    stats.auto += auto ? 1 : 0
    stats.right += right ? 1 : 0
    stats.wrongAuto += auto && !right ? 1 : 0
    byKind.set(item.kind, stats)
  })
  const share = (a: number, b: number) => (b ? a / b : 1)
  return {
    transactions: labelled.length, autos, autoPrecision: share(rightAutos, autos), certain,
    autoRate: share(certainAuto, certain), answers, suggestionAccuracy: share(answersRight, answers),
    ambiguous, ambiguousAuto, noise, noiseAuto, byKind,
  }
}

/** Several labelled runs judged as one set (counts added, shares recomputed). */
export function poolQuality(runs: Quality[]): Quality {
  const sum = (pick: (q: Quality) => number) => runs.reduce((total, q) => total + pick(q), 0)
  const autos = sum((q) => q.autos)
  const certain = sum((q) => q.certain)
  const answers = sum((q) => q.answers)
  const byKind = new Map<string, { count: number; auto: number; right: number; wrongAuto: number }>()
  for (const q of runs) {
    for (const [kind, s] of q.byKind) {
      const into = byKind.get(kind) ?? { count: 0, auto: 0, right: 0, wrongAuto: 0 }
      byKind.set(kind, { count: into.count + s.count, auto: into.auto + s.auto, right: into.right + s.right, wrongAuto: into.wrongAuto + s.wrongAuto })
    }
  }
  const share = (a: number, b: number) => (b ? a / b : 1)
  return {
    transactions: sum((q) => q.transactions), autos, autoPrecision: share(sum((q) => q.autoPrecision * q.autos), autos), certain,
    autoRate: share(sum((q) => q.autoRate * q.certain), certain), answers, suggestionAccuracy: share(sum((q) => q.suggestionAccuracy * q.answers), answers),
    ambiguous: sum((q) => q.ambiguous), ambiguousAuto: sum((q) => q.ambiguousAuto), noise: sum((q) => q.noise), noiseAuto: sum((q) => q.noiseAuto), byKind,
  }
}
