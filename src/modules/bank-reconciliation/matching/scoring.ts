import { daysBetween, looksTransposed, relateAmount, type AmountRelation } from "./amounts"
import { createdAtOf, orderIdOf, sameAmountCount, type OpenItemIndex } from "./open-item-index"
import type { PartyEvidence } from "./party"
import type { Proposal } from "./proposals"
import { WEIGHTS, type ReferenceHits } from "./references"
import type { MatchOptions } from "./types"

export type ScoredProposal = Proposal & {
  /** The allocation as text ("order=cents|…"), to order ties and drop repeats; "" until decide needs it (see withKeys). */
  key: string
  confidence: number
  eligible: boolean
  /** Amount relation of a single-order proposal; null for several orders. */
  relation: AmountRelation | null
  /** The customer (id) all orders belong to, or null when they span customers. */
  customer: number | null
  /** Confidence without the payer signals (IBAN, name): what tells two orders of one customer apart. */
  confidenceWithoutParty: number
}

export type TransactionFacts = {
  amountCents: number
  /** options.roundingTolerance and options.bankFeeTolerance in cents (read once per run). */
  roundingCents: number
  bankFeeCents: number
  paymentDate: string | null
  counterpartIban: string | null
  refs: ReferenceHits
  party: PartyEvidence
}

// Positive support an amount gives, and how well the allocation fits the payment (a penalty).
const AMOUNT_WEIGHT: Record<AmountRelation["kind"], number> = {
  exact: 0.6, rounding: 0.55, bank_fee: 0.55, skonto: 0.45, tolerance: 0.45, overpayment: 0, partial: 0,
}
const AMOUNT_FIT: Record<AmountRelation["kind"], number> = {
  exact: 1, rounding: 1, bank_fee: 1, skonto: 0.97, tolerance: 0.97, overpayment: 0.7, partial: 0.7,
}
const SET_FIT = { exact: 1, inexact: 0.6 }
export const PARTY_WEIGHT = { ibanUnique: 0.8, ibanShared: 0.4, nameFull: 0.4, namePartial: 0.15, nameInPurpose: 0.3 }
const AMOUNT_ONLY_WEIGHT = 0.35
/** A surname alone with an amount that is off: at most a low-confidence alternative, never the suggestion. */
const WEAK_NAME_CAP = 0.2
/** A referenced underpayment short by at most this share looks like a deduction, not an instalment. */
const DEDUCTION_PERCENT = 10

/** Amounts that count as paying the order in full (for matching; booking takes what arrived). */
export function paysInFull(kind: AmountRelation["kind"] | undefined): boolean {
  return kind === "exact" || kind === "rounding" || kind === "bank_fee"
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
  let listed = 0
  const count = proposal.positions.length
  const customer = sharedCustomer(proposal, index)
  const partyIban = customer !== null ? ibanWeight(customer, facts.party) : 0
  const partyName = customer !== null ? nameWeight(customer, facts.party) : 0
  // Five digits that look like a postal code are an order number after all when the payer is its customer.
  const payerConfirms = partyIban === PARTY_WEIGHT.ibanUnique || partyName === PARTY_WEIGHT.nameFull
  for (const position of proposal.positions) {
    const hit = facts.refs.get(position)
    if (hit) {
      referenced++
      // A listed number inside an exactly-summing set weighs like a labelled one.
      const listedInSet = count > 1 && hit.listed === true
      trusted += hit.strength === "trusted" || listedInSet ? 1 : 0
      listed += listedInSet ? 1 : 0
      const weight = listedInSet ? Math.max(hit.weight, WEIGHTS.labelled) : hit.shapeOnly && payerConfirms ? WEIGHTS.bare : hit.weight
      minWeight = Math.min(minWeight, weight)
    }
  }
  // Listed numbers vouch for each other only within one customer's orders (not a coincidence across shops' customers).
  const allTrusted = trusted === count && (listed === 0 || customer !== null)
  if (referenced) {
    residual *= 1 - (referenced === count ? minWeight : 0.2)
  }
  const partyResidual = (1 - partyIban) * (1 - partyName)
  const relation = count === 1 ? relate(proposal.positions[0], facts, index, options) : null
  const sumExact = count > 1 && isExactSum(proposal, facts.amountCents, index)
  const oddAccepted = relation !== null && acceptsOddAmount(proposal.positions[0], relation, customer, facts, index, options)
  if (!referenced && !partyIban && !partyName) {
    if (relation?.kind !== "exact") {
      // Never ranked (decide drops confidence 0).
      return scored(proposal, "", relation, customer, 0, 0, false)
    }
    residual *= 1 - AMOUNT_ONLY_WEIGHT
  } else if (relation) {
    // An amount alone only points at one order when no other order of the customer owes the same.
    const shared = !referenced && sameAmountOrders(proposal.positions[0], index) > 1 ? 0.5 : 1
    residual *= 1 - (oddAccepted ? AMOUNT_WEIGHT.skonto : AMOUNT_WEIGHT[relation.kind]) * shared
  } else if (sumExact) {
    residual *= 1 - (allTrusted ? 0.5 : 0.25)
  }
  const fit = relation ? (oddAccepted ? AMOUNT_FIT.skonto : AMOUNT_FIT[relation.kind]) : sumExact ? SET_FIT.exact : SET_FIT.inexact
  const eligible = isEligible(proposal, relation, oddAccepted, sumExact, allTrusted, customer, facts, index)
  let confidence = (1 - residual * partyResidual) * fit
  if (!referenced && !partyIban && partyName === PARTY_WEIGHT.namePartial && relation?.kind !== "exact") {
    confidence = Math.min(confidence, WEAK_NAME_CAP)
  }
  return scored(proposal, "", relation, customer, confidence, Math.min(confidence, (1 - residual) * fit), eligible)
}

/** Several orders, each allocated what it owes, together exactly the payment. */
function isExactSum(proposal: Proposal, amountCents: number, index: OpenItemIndex): boolean {
  let sum = 0
  for (let i = 0; i < proposal.amounts.length; i++) {
    sum += proposal.amounts[i]
  }
  if (sum !== amountCents) {
    return false
  }
  for (let i = 0; i < proposal.positions.length; i++) {
    if (index.cents[proposal.positions[i]] !== proposal.amounts[i]) {
      return false
    }
  }
  return true
}

function scored(
  proposal: Proposal, key: string, relation: AmountRelation | null, customer: number | null,
  confidence: number, confidenceWithoutParty: number, eligible: boolean
): ScoredProposal {
  return { positions: proposal.positions, amounts: proposal.amounts, kind: proposal.kind, key, relation, customer, confidence, confidenceWithoutParty, eligible }
}

/**
 * A partial or over-payment is as certain as an exact one when a trusted reference names the
 * order and nothing suggests a mistake: an instalment (more than 10 % short; less looks like a
 * deduction: Skonto taken late, fees) or an overpayment of at most the order's amount; the only
 * number in the purpose; digits not transposed; neither the payment nor the surplus exactly what
 * another open order of the customer owes; a payer who is this customer or unknown (a verified RF
 * reference needs no payer). The shop's autoPartialPayments/autoOverpayments accept any referenced one.
 */
function acceptsOddAmount(position: number, relation: AmountRelation, customer: number | null, facts: TransactionFacts, index: OpenItemIndex, options: MatchOptions): boolean {
  if (relation.kind !== "partial" && relation.kind !== "overpayment") {
    return false
  }
  if ((relation.kind === "partial" && options.autoPartialPayments) || (relation.kind === "overpayment" && options.autoOverpayments)) {
    return true
  }
  const hit = facts.refs.get(position)
  const owed = index.cents[position]
  if (hit?.strength !== "trusted" || customer === null || looksTransposed(facts.amountCents, owed)) {
    return false
  }
  if (relation.kind === "partial" && relation.shortCents * 100 <= owed * DEDUCTION_PERCENT) {
    return false
  }
  if (facts.refs.size > 1) {
    return false // several numbers in the purpose (this order's is one of them): the money may be meant for more than this order
  }
  // The payment (partial) or the surplus (overpayment) is exactly what another order of the customer owes.
  const rest = relation.kind === "partial" ? facts.amountCents : relation.surplusCents
  const roundingCents = facts.roundingCents
  let isOtherOrder = false
  for (let at = index.customerStart[customer]; at < index.customerStart[customer + 1] && !isOtherOrder; at++) {
    isOtherOrder = index.customerItems[at] !== position && Math.abs(index.customerCents[at] - rest) <= roundingCents
  }
  if (isOtherOrder || (relation.kind === "overpayment" && relation.surplusCents > owed)) {
    return false
  }
  return hit.verified === true || !payerIsSomeoneElse(customer, facts)
}

/** The payer is this customer by evidence: IBAN on file or a full name (or alias) match. */
export function payerIs(customer: number, facts: TransactionFacts): boolean {
  return facts.party.ibanCustomers.includes(customer) || facts.party.byName.get(customer)?.level === "full"
}

/** The payer is known as some other customer (IBAN or full name) and not as this one. */
export function payerIsSomeoneElse(customer: number, facts: TransactionFacts): boolean {
  const party = facts.party
  if (payerIs(customer, facts)) {
    return false
  }
  return party.ibanCustomers.length > 0 || party.byName.anyFull()
}

/** IBAN and name weights of one customer for this payer (0 when the signal did not count). */
export function partyWeights(customer: number, party: PartyEvidence): { iban: number; name: number } {
  return { iban: ibanWeight(customer, party), name: nameWeight(customer, party) }
}

function ibanWeight(customer: number, party: PartyEvidence): number {
  return party.ibanCustomers.includes(customer)
    ? party.ibanCustomers.length === 1 ? PARTY_WEIGHT.ibanUnique : PARTY_WEIGHT.ibanShared
    : 0
}

function nameWeight(customer: number, party: PartyEvidence): number {
  const match = party.byName.get(customer)
  return Math.max(
    match?.level === "full" ? PARTY_WEIGHT.nameFull : match?.level === "partial" ? PARTY_WEIGHT.namePartial : 0,
    party.nameInPurpose.has(customer) ? PARTY_WEIGHT.nameInPurpose : 0
  )
}

function relate(position: number, facts: TransactionFacts, index: OpenItemIndex, options: MatchOptions): AmountRelation {
  const owed = index.cents[position]
  return relateAmount(facts.amountCents, owed, {
    roundingCents: facts.roundingCents,
    skontoMaxPercent: options.skontoMaxPercent,
    skontoRates: options.skontoRates,
    skontoMaxDays: options.skontoMaxDays,
    underpaymentTolerancePercent: options.underpaymentTolerancePercent,
    bankFeeCents: facts.bankFeeCents,
    // Only an underpayment can be Skonto, so only then is the date arithmetic worth doing.
    daysSinceOrder: facts.amountCents < owed ? daysBetween(createdAtOf(index, position), facts.paymentDate) : null,
  })
}

function sameAmountOrders(position: number, index: OpenItemIndex): number {
  return sameAmountCount(index, position)
}

/** The proposal's allocation as text: "order=cents", several joined by "|". */
export function keyOf(proposal: Proposal, index: OpenItemIndex): string {
  if (proposal.positions.length === 1) {
    return `${orderIdOf(index, proposal.positions[0])}=${proposal.amounts[0]}`
  }
  return proposal.positions.map((position, i) => `${orderIdOf(index, position)}=${proposal.amounts[i]}`).join("|")
}

function sharedCustomer(proposal: Proposal, index: OpenItemIndex): number | null {
  const positions = proposal.positions
  const customer = index.customerOf[positions[0]]
  for (let i = 1; i < positions.length; i++) {
    if (index.customerOf[positions[i]] !== customer) {
      return null
    }
  }
  return customer
}

/**
 * A trusted number names another order; or, when no number names this one, any number (even
 * postal-code shaped) names another order owing this very amount: the payer may have mistyped.
 */
function namedElsewhere(proposal: Proposal, facts: TransactionFacts, index: OpenItemIndex): boolean {
  if (facts.refs.size === 0) {
    return false
  }
  const ownHit = facts.refs.has(proposal.positions[0])
  for (const position of facts.refs.keys()) {
    const hit = facts.refs.get(position)!
    if (!proposal.positions.includes(position) &&
      (hit.strength === "trusted" || (!ownHit && (hit.strength === "bare" || hit.shapeOnly) && index.cents[position] === facts.amountCents))) {
      return true
    }
  }
  return false
}

/** The hard rules for `auto`; the margin over the runner-up is checked in decide.ts. */
function isEligible(
  proposal: Proposal, relation: AmountRelation | null, oddAccepted: boolean, sumExact: boolean, allTrusted: boolean,
  customer: number | null, facts: TransactionFacts, index: OpenItemIndex
): boolean {
  const kind = relation?.kind
  const consistent = relation ? paysInFull(kind) || kind === "skonto" || kind === "tolerance" || oddAccepted : sumExact
  if (allTrusted && consistent) {
    return true
  }
  if (!relation || !paysInFull(kind) || customer === null || namedElsewhere(proposal, facts, index)) {
    return false
  }
  const ibanUnique = facts.party.ibanCustomers.length === 1 && facts.party.ibanCustomers[0] === customer
  const hit = facts.refs.get(proposal.positions[0])
  if (hit?.strength === "bare" || hit?.shapeOnly) {
    // An unlabelled number (or five digits that could be a postal code) is confirmed when the payer is this customer.
    return ibanUnique || facts.party.byName.get(customer)?.level === "full"
  }
  if (!ibanUnique || (kind !== "exact" && kind !== "bank_fee")) {
    return false
  }
  // Known IBAN alone: only when exactly one of the customer's open orders has this amount.
  return sameAmountOrders(proposal.positions[0], index) === 1
}

