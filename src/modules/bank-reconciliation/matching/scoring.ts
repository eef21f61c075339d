import { daysBetween, relateAmount, type AmountRelation } from "./amounts"
import type { OpenItemIndex } from "./open-item-index"
import type { PartyEvidence } from "./party"
import type { Proposal } from "./proposals"
import type { ReferenceHits } from "./references"
import type { MatchOptions } from "./types"

export type ScoredProposal = Proposal & {
  key: string
  confidence: number
  eligible: boolean
  /** Amount relation of a single-order proposal; null for several orders. */
  relation: AmountRelation | null
  /** The customer all orders belong to, or null when they span customers. */
  customerKey: string | null
  /** Confidence without the payer signals (IBAN, name): what tells two orders of one customer apart. */
  confidenceWithoutParty: number
}

export type TransactionFacts = {
  amountCents: number
  paymentDate: string | null
  counterpartIban: string | null
  refs: ReferenceHits
  party: PartyEvidence
}

// Positive support an amount gives, and how well the allocation fits the payment (a penalty).
const AMOUNT_WEIGHT: Record<AmountRelation["kind"], number> = {
  exact: 0.6, rounding: 0.55, skonto: 0.45, tolerance: 0.45, overpayment: 0, partial: 0,
}
const AMOUNT_FIT: Record<AmountRelation["kind"], number> = {
  exact: 1, rounding: 1, skonto: 0.97, tolerance: 0.97, overpayment: 0.7, partial: 0.7,
}
const SET_FIT = { exact: 1, inexact: 0.6 }
export const PARTY_WEIGHT = { ibanUnique: 0.8, ibanShared: 0.4, nameFull: 0.4, namePartial: 0.15, nameInPurpose: 0.3 }
const AMOUNT_ONLY_WEIGHT = 0.35

/** A shop that books partial or over-payments unattended treats them as fitting. */
function amountFit(relation: AmountRelation, options: MatchOptions): number {
  const accepted = (relation.kind === "partial" && options.autoPartialPayments) || (relation.kind === "overpayment" && options.autoOverpayments)
  return accepted ? AMOUNT_FIT.skonto : AMOUNT_FIT[relation.kind]
}

/**
 * Scores one proposal: confidence = (1 − Π(1 − weight)) × fit, the weights being the signals that
 * counted and fit how well the allocation uses the payment; monotone in every signal.
 */
export function scoreProposal(proposal: Proposal, facts: TransactionFacts, index: OpenItemIndex, options: MatchOptions): ScoredProposal {
  let residual = 1 // Π(1 − weight)
  let referenced = 0
  let trusted = 0
  let minWeight = 1
  for (const position of proposal.positions) {
    const hit = facts.refs.get(position)
    if (hit) {
      referenced++
      trusted += hit.strength === "trusted" ? 1 : 0
      minWeight = Math.min(minWeight, hit.weight)
    }
  }
  const count = proposal.positions.length
  const allTrusted = trusted === count
  if (referenced) {
    residual *= 1 - (referenced === count ? minWeight : 0.2)
  }
  const customerKey = sharedCustomer(proposal, index)
  const party = customerKey ? partyWeights(customerKey, facts.party) : { iban: 0, name: 0 }
  const partyResidual = (1 - party.iban) * (1 - party.name)
  const relation = count === 1 ? relate(proposal.positions[0], facts, index, options) : null
  const sumExact = count > 1 && proposal.amounts.reduce((a, b) => a + b, 0) === facts.amountCents &&
    proposal.positions.every((position, i) => index.items[position].outstandingCents === proposal.amounts[i])
  const base = { ...proposal, key: keyOf(proposal, index), relation, customerKey }
  if (!referenced && !party.iban && !party.name) {
    if (relation?.kind !== "exact") {
      return { ...base, confidence: 0, confidenceWithoutParty: 0, eligible: false }
    }
    residual *= 1 - AMOUNT_ONLY_WEIGHT
  } else if (relation) {
    // An amount only points at one order when no other order of the customer owes the same.
    const shared = sameAmountOrders(proposal.positions[0], index) > 1 ? 0.5 : 1
    residual *= 1 - AMOUNT_WEIGHT[relation.kind] * shared
  } else if (sumExact) {
    residual *= 1 - (allTrusted ? 0.5 : 0.25)
  }
  const fit = relation ? amountFit(relation, options) : sumExact ? SET_FIT.exact : SET_FIT.inexact
  const eligible = isEligible(proposal, relation, sumExact, allTrusted, customerKey, facts, index, options)
  return { ...base, confidence: (1 - residual * partyResidual) * fit, confidenceWithoutParty: (1 - residual) * fit, eligible }
}

/** IBAN and name weights of one customer for this payer (0 when the signal did not count). */
export function partyWeights(customerKey: string, party: PartyEvidence): { iban: number; name: number } {
  const iban = party.ibanCustomers.includes(customerKey)
    ? party.ibanCustomers.length === 1 ? PARTY_WEIGHT.ibanUnique : PARTY_WEIGHT.ibanShared
    : 0
  const match = party.byName.get(customerKey)
  const name = Math.max(
    match?.level === "full" ? PARTY_WEIGHT.nameFull : match?.level === "partial" ? PARTY_WEIGHT.namePartial : 0,
    party.nameInPurpose.has(customerKey) ? PARTY_WEIGHT.nameInPurpose : 0
  )
  return { iban, name }
}

function relate(position: number, facts: TransactionFacts, index: OpenItemIndex, options: MatchOptions): AmountRelation {
  const item = index.items[position]
  return relateAmount(facts.amountCents, item.outstandingCents, {
    roundingCents: Math.round(Number(options.roundingTolerance) * 100),
    skontoMaxPercent: options.skontoMaxPercent,
    skontoRates: options.skontoRates,
    skontoMaxDays: options.skontoMaxDays,
    underpaymentTolerancePercent: options.underpaymentTolerancePercent,
    // Only an underpayment can be Skonto, so only then is the date arithmetic worth doing.
    daysSinceOrder: facts.amountCents < item.outstandingCents ? daysBetween(item.createdAt, facts.paymentDate) : null,
  })
}

function sameAmountOrders(position: number, index: OpenItemIndex): number {
  return index.items[position].sameAmountCount
}

function keyOf(proposal: Proposal, index: OpenItemIndex): string {
  return proposal.positions.map((position, i) => `${index.items[position].orderId}=${proposal.amounts[i]}`).join("|")
}

function sharedCustomer(proposal: Proposal, index: OpenItemIndex): string | null {
  const key = index.items[proposal.positions[0]].customerKey
  return proposal.positions.every((position) => index.items[position].customerKey === key) ? key : null
}

/** The hard rules for `auto`; the margin over the runner-up is checked in decide.ts. */
function isEligible(
  proposal: Proposal, relation: AmountRelation | null, sumExact: boolean, allTrusted: boolean,
  customerKey: string | null, facts: TransactionFacts, index: OpenItemIndex, options: MatchOptions
): boolean {
  const kind = relation?.kind
  const consistent = relation
    ? kind === "exact" || kind === "rounding" || kind === "skonto" || kind === "tolerance" ||
      (kind === "partial" && options.autoPartialPayments) || (kind === "overpayment" && options.autoOverpayments)
    : sumExact
  if (allTrusted && consistent) {
    return true
  }
  const exactish = kind === "exact" || kind === "rounding"
  const trustedElsewhere = [...facts.refs.entries()].some(([position, hit]) => hit.strength === "trusted" && !proposal.positions.includes(position))
  if (!relation || !exactish || !customerKey || trustedElsewhere) {
    return false
  }
  const ibanUnique = facts.party.ibanCustomers.length === 1 && facts.party.ibanCustomers[0] === customerKey
  const hit = facts.refs.get(proposal.positions[0])
  if (hit?.strength === "bare") {
    return ibanUnique || facts.party.byName.get(customerKey)?.level === "full"
  }
  if (!ibanUnique || kind !== "exact") {
    return false
  }
  // Known IBAN alone: only when exactly one of the customer's open orders has this amount.
  return sameAmountOrders(proposal.positions[0], index) === 1
}

