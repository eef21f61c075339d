import { formatCents } from "./amounts"
import { displayIdOf, labelOf, orderIdOf, type OpenItemIndex } from "./open-item-index"
import { explainProposal, reason } from "./reasons"
import { keyOf, payerIs, paysInFull, type ScoredProposal, type TransactionFacts } from "./scoring"
import type { Allocation, Alternative, MatchOptions, MatchResult } from "./types"

/** Best first; ties broken by fewer orders, then by order ids, never by input position. */
export function compareProposals(a: ScoredProposal, b: ScoredProposal): number {
  if (a.confidence !== b.confidence) {
    return b.confidence - a.confidence
  }
  if (a.positions.length !== b.positions.length) {
    return a.positions.length - b.positions.length
  }
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0
}

/**
 * How far `best` leads `other`. Two orders of the same customer share the payer's IBAN and name,
 * and near 1 those shared signals would squeeze any difference to nothing; so for them the lead
 * is measured on the evidence that tells them apart (references, amount).
 */
export function leadOver(best: ScoredProposal, other: ScoredProposal): number {
  if (best.customer !== null && best.customer === other.customer) {
    return best.confidenceWithoutParty - other.confidenceWithoutParty
  }
  return best.confidence - other.confidence
}

function displayOf(index: OpenItemIndex, position: number): string {
  const displayId = displayIdOf(index, position)
  return displayId !== null ? `#${displayId}` : orderIdOf(index, position)
}

function round(confidence: number): number {
  return Math.round(confidence * 1000) / 1000
}

function allocationsOf(proposal: ScoredProposal, index: OpenItemIndex): Allocation[] {
  return proposal.positions.map((position, i) => ({ orderId: orderIdOf(index, position), amount: formatCents(proposal.amounts[i]) }))
}

/** Below suggestThreshold a proposal is still listed as an alternative of a `none` result from this confidence on. */
const LOW_ALTERNATIVE = 0.1

/**
 * The payer contradicts the order a reference names: the payer is not its customer (no IBAN on
 * file, no full name match) but is known as another customer who owes exactly this amount on an
 * order of their own. A mistyped number (transposed, one digit off) looks like this: both are
 * shown, and nothing is assigned without a human.
 */
function payerConflict(best: ScoredProposal, ranked: ScoredProposal[], facts: TransactionFacts): ScoredProposal | null {
  if (best.positions.length !== 1 || best.customer === null || !facts.refs.has(best.positions[0]) || payerIs(best.customer, facts)) {
    return null
  }
  return ranked.find((other) =>
    other !== best && other.positions.length === 1 && other.customer !== null && other.customer !== best.customer &&
    paysInFull(other.relation?.kind) && payerIs(other.customer, facts)
  ) ?? null
}

/** The proposals with some confidence, best first, each allocation (key) once. */
function rank(scored: ScoredProposal[], index: OpenItemIndex): ScoredProposal[] {
  const ranked: ScoredProposal[] = []
  for (const proposal of scored) {
    if (proposal.confidence > 0) {
      ranked.push(proposal)
    }
  }
  if (ranked.length < 2) {
    return ranked // a lone proposal needs no key: nothing to order it against or repeat
  }
  for (const proposal of ranked) {
    proposal.key = keyOf(proposal, index)
  }
  if (ranked.length > SMALL) {
    ranked.sort(compareProposals)
    const seen = new Set<string>()
    return ranked.filter((proposal) => !seen.has(proposal.key) && Boolean(seen.add(proposal.key)))
  }
  // A few proposals (nearly always): a stable insertion sort (the order Array.prototype.sort, also
  // stable, gives) and the first of each key kept by comparing with those kept, without allocating.
  for (let i = 1; i < ranked.length; i++) {
    const proposal = ranked[i]
    let at = i
    for (; at > 0 && compareProposals(ranked[at - 1], proposal) > 0; at--) {
      ranked[at] = ranked[at - 1]
    }
    ranked[at] = proposal
  }
  let kept = 0
  for (let i = 0; i < ranked.length; i++) {
    let repeated = false
    for (let k = 0; k < kept && !repeated; k++) {
      repeated = ranked[k].key === ranked[i].key
    }
    if (!repeated) {
      ranked[kept++] = ranked[i]
    }
  }
  ranked.length = kept
  return ranked
}

/** Up to this many proposals are ranked without Array.prototype.sort and a Set. */
const SMALL = 16

/**
 * Turns scored proposals into the contract's result: `auto` only for an eligible best proposal
 * above autoThreshold that leads the runner-up by minMargin, never for a tie or a payer conflict.
 */
export function decide(transactionId: string, scored: ScoredProposal[], facts: TransactionFacts, index: OpenItemIndex, options: MatchOptions): MatchResult {
  const ranked = rank(scored, index)
  const best = ranked[0]
  const alternativesFrom = (from: number, minimum: number): Alternative[] => {
    const alternatives: Alternative[] = []
    for (let at = from; at < ranked.length && alternatives.length < options.maxAlternatives; at++) {
      if (ranked[at].confidence >= minimum) {
        alternatives.push({ allocations: allocationsOf(ranked[at], index), confidence: round(ranked[at].confidence) })
      }
    }
    return alternatives
  }
  if (!best || best.confidence < options.suggestThreshold) {
    // Weak candidates (a surname with an amount that is off) stay visible as low-confidence alternatives.
    return { transactionId, decision: "none", confidence: round(best?.confidence ?? 0), allocations: [], reasons: [], alternatives: alternativesFrom(0, LOW_ALTERNATIVE) }
  }
  const runnerUp = ranked[1]
  let margin = runnerUp ? Infinity : 1
  for (let at = 1; at < ranked.length; at++) {
    margin = Math.min(margin, leadOver(best, ranked[at]))
  }
  const conflict = payerConflict(best, ranked, facts)
  const auto = best.eligible && best.confidence >= options.autoThreshold && margin >= options.minMargin && !conflict
  const alternatives = alternativesFrom(1, options.suggestThreshold)
  if (conflict && !alternatives.some((alternative) => alternative.allocations[0]?.orderId === orderIdOf(index, conflict.positions[0]))) {
    alternatives.unshift({ allocations: allocationsOf(conflict, index), confidence: round(conflict.confidence) })
  }
  const reasons = explainProposal(best, facts, index)
  let confidence = best.confidence
  if (!auto) {
    // Near-equal candidates share the certainty; a suggestion never looks as sure as an auto.
    let rivals = 0
    for (const proposal of ranked) {
      rivals += proposal === best || leadOver(best, proposal) < options.minMargin ? 1 : 0
    }
    confidence = Math.min(confidence / rivals, options.autoThreshold - 0.01)
    if (rivals > 1) {
      reasons.push(reason("ambiguity", `${rivals} candidates are about equally likely; confirm by hand`, "ambiguity", { count: rivals }))
    }
  }
  if (conflict) {
    const payer = labelOf(index, conflict.customer!)
    const named = displayOf(index, best.positions[0])
    const own = displayOf(index, conflict.positions[0])
    const detail = `the reference names order ${named}, but the payer is ${payer}, who owes the same amount on order ${own}; confirm by hand`
    reasons.push(reason("conflict", detail, "payer_conflict", { order: named, payer, other: own }))
  }
  return { transactionId, decision: auto ? "auto" : "suggest", confidence: round(confidence), allocations: allocationsOf(best, index), reasons, alternatives }
}
