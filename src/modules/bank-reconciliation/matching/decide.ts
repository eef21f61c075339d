import { formatCents } from "./amounts"
import type { OpenItemIndex } from "./open-item-index"
import { explainProposal } from "./reasons"
import type { ScoredProposal, TransactionFacts } from "./scoring"
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
  if (best.customerKey !== null && best.customerKey === other.customerKey) {
    return best.confidenceWithoutParty - other.confidenceWithoutParty
  }
  return best.confidence - other.confidence
}

function round(confidence: number): number {
  return Math.round(confidence * 1000) / 1000
}

function allocationsOf(proposal: ScoredProposal, index: OpenItemIndex): Allocation[] {
  return proposal.positions.map((position, i) => ({ orderId: index.items[position].orderId, amount: formatCents(proposal.amounts[i]) }))
}

/**
 * Turns scored proposals into the contract's result: `auto` only for an eligible best proposal
 * above autoThreshold that leads the runner-up by minMargin; never for a tie.
 */
export function decide(transactionId: string, scored: ScoredProposal[], facts: TransactionFacts, index: OpenItemIndex, options: MatchOptions): MatchResult {
  const seen = new Set<string>()
  const ranked = scored
    .filter((proposal) => proposal.confidence > 0)
    .sort(compareProposals)
    .filter((proposal) => !seen.has(proposal.key) && Boolean(seen.add(proposal.key)))
  const best = ranked[0]
  if (!best || best.confidence < options.suggestThreshold) {
    return { transactionId, decision: "none", confidence: round(best?.confidence ?? 0), allocations: [], reasons: [], alternatives: [] }
  }
  const runnerUp = ranked[1]
  const margin = runnerUp ? Math.min(...ranked.slice(1).map((other) => leadOver(best, other))) : 1
  const auto = best.eligible && best.confidence >= options.autoThreshold && margin >= options.minMargin
  const alternatives: Alternative[] = ranked
    .slice(1)
    .filter((proposal) => proposal.confidence >= options.suggestThreshold)
    .slice(0, options.maxAlternatives)
    .map((proposal) => ({ allocations: allocationsOf(proposal, index), confidence: round(proposal.confidence) }))
  const reasons = explainProposal(best, facts, index)
  let confidence = best.confidence
  if (!auto) {
    // Near-equal candidates share the certainty; a suggestion never looks as sure as an auto.
    const rivals = ranked.filter((proposal) => proposal === best || leadOver(best, proposal) < options.minMargin).length
    confidence = Math.min(confidence / rivals, options.autoThreshold - 0.01)
    if (rivals > 1) {
      reasons.push({ signal: "ambiguity", detail: `${rivals} candidates are about equally likely; confirm by hand` })
    }
  }
  return { transactionId, decision: auto ? "auto" : "suggest", confidence: round(confidence), allocations: allocationsOf(best, index), reasons, alternatives }
}
