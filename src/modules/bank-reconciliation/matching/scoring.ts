import { daysBetween, formatCents, relateAmount, type AmountContext, type AmountRelation } from "./amounts"
import { amountKey, type OpenItemIndex } from "./open-item-index"
import type { PartyEvidence } from "./party"
import type { Proposal } from "./proposals"
import type { ReferenceHits } from "./references"
import type { MatchOptions, Reason } from "./types"

export type ScoredProposal = Proposal & { key: string; confidence: number; eligible: boolean; reasons: Reason[] }

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

/** A shop that books partial or over-payments unattended treats them as fitting. */
function amountFit(relation: AmountRelation, options: MatchOptions): number {
  const accepted = (relation.kind === "partial" && options.autoPartialPayments) || (relation.kind === "overpayment" && options.autoOverpayments)
  return accepted ? AMOUNT_FIT.skonto : AMOUNT_FIT[relation.kind]
}
const PARTY_WEIGHT = { ibanUnique: 0.7, ibanShared: 0.35, nameFull: 0.4, namePartial: 0.15, nameInPurpose: 0.3 }
const AMOUNT_ONLY_WEIGHT = 0.35

/**
 * Scores one proposal: confidence = (1 − Π(1 − weight)) × fit, the weights being the signals that
 * counted and fit how well the allocation uses the payment; monotone in every signal.
 */
export function scoreProposal(proposal: Proposal, facts: TransactionFacts, index: OpenItemIndex, options: MatchOptions): ScoredProposal {
  const reasons: Reason[] = []
  const weights: number[] = []
  const hits = proposal.positions.map((position) => facts.refs.get(position))
  const referenced = hits.filter((hit) => hit !== undefined)
  const allTrusted = referenced.length === hits.length && hits.every((hit) => hit?.strength === "trusted")
  if (referenced.length) {
    const weight = referenced.length === hits.length ? Math.min(...referenced.map((hit) => hit.weight)) : 0.2
    weights.push(weight)
    for (const hit of referenced) {
      reasons.push({ signal: hit.signal, detail: hit.detail })
    }
  }
  const customerKey = sharedCustomer(proposal, index)
  const partyWeight = customerKey ? addPartyEvidence(customerKey, facts, index, reasons, weights) : 0
  const single = proposal.positions.length === 1
  const relation = single ? relateAmount(facts.amountCents, index.items[proposal.positions[0]].outstandingCents, amountContext(proposal, facts, index, options)) : null
  const setSum = proposal.positions.reduce((sum, position) => sum + index.items[position].outstandingCents, 0)
  const sumExact = !single && setSum === facts.amountCents
  if (!referenced.length && !partyWeight) {
    if (relation?.kind !== "exact") {
      return { ...proposal, key: keyOf(proposal, index), confidence: 0, eligible: false, reasons: [] }
    }
    weights.push(AMOUNT_ONLY_WEIGHT)
  } else {
    // An amount only points at one order when no other order of the customer owes the same.
    const shared = relation && sameAmountOrders(proposal.positions[0], index) > 1 ? 0.5 : 1
    weights.push(relation ? AMOUNT_WEIGHT[relation.kind] * shared : sumExact ? (allTrusted ? 0.5 : 0.25) : 0)
  }
  const fit = relation ? amountFit(relation, options) : sumExact ? SET_FIT.exact : SET_FIT.inexact
  reasons.push({ signal: "amount", detail: relation ? describeRelation(relation, facts.amountCents, index.items[proposal.positions[0]].outstandingCents) : describeSet(proposal, setSum, facts.amountCents, index) })
  const confidence = (1 - weights.reduce((rest, weight) => rest * (1 - weight), 1)) * fit
  const eligible = isEligible(proposal, relation, sumExact, allTrusted, customerKey, facts, index, options)
  return { ...proposal, key: keyOf(proposal, index), confidence, eligible, reasons: onePerSignal(reasons) }
}

const SIGNAL_ORDER = ["payment_reference", "end_to_end_reference", "invoice_number", "order_number", "iban", "name", "amount"]

/** One reason per signal, in a fixed order; several references of one kind are joined. */
function onePerSignal(reasons: Reason[]): Reason[] {
  const merged: Reason[] = []
  for (const signal of SIGNAL_ORDER) {
    const details = reasons.filter((reason) => reason.signal === signal).map((reason) => reason.detail)
    if (details.length) {
      merged.push({ signal: signal as Reason["signal"], detail: details.join("; ") })
    }
  }
  return merged
}

function sameAmountOrders(position: number, index: OpenItemIndex): number {
  const item = index.items[position]
  return index.customerAmountCount.get(`${item.customerKey}|${amountKey(item.currency, item.outstandingCents)}`) ?? 1
}

function keyOf(proposal: Proposal, index: OpenItemIndex): string {
  return proposal.positions.map((position, i) => `${index.items[position].orderId}=${proposal.amounts[i]}`).join("|")
}

function sharedCustomer(proposal: Proposal, index: OpenItemIndex): string | null {
  const key = index.items[proposal.positions[0]].customerKey
  return proposal.positions.every((position) => index.items[position].customerKey === key) ? key : null
}

function addPartyEvidence(customerKey: string, facts: TransactionFacts, index: OpenItemIndex, reasons: Reason[], weights: number[]): number {
  const customer = index.customers.get(customerKey)
  let total = 0
  if (facts.party.ibanCustomers.includes(customerKey)) {
    const unique = facts.party.ibanCustomers.length === 1
    total += unique ? PARTY_WEIGHT.ibanUnique : PARTY_WEIGHT.ibanShared
    weights.push(unique ? PARTY_WEIGHT.ibanUnique : PARTY_WEIGHT.ibanShared)
    const shared = unique ? "" : ` (also on file for ${facts.party.ibanCustomers.length - 1} other customer(s))`
    reasons.push({ signal: "iban", detail: `payer IBAN ${facts.counterpartIban} is on file for ${customer?.label}${shared}` })
  }
  const name = facts.party.byName.get(customerKey)
  const inPurpose = facts.party.nameInPurpose.has(customerKey)
  const nameWeight = Math.max(
    name?.level === "full" ? PARTY_WEIGHT.nameFull : name?.level === "partial" ? PARTY_WEIGHT.namePartial : 0,
    inPurpose ? PARTY_WEIGHT.nameInPurpose : 0
  )
  if (nameWeight > 0) {
    total += nameWeight
    weights.push(nameWeight)
    const detail = name && nameWeight !== PARTY_WEIGHT.nameInPurpose
      ? `payer name ${name.level === "full" ? "matches" : "partly matches"} ${customer?.label}`
      : `name of ${customer?.label} appears in the purpose`
    reasons.push({ signal: "name", detail })
  }
  return total
}

function amountContext(proposal: Proposal, facts: TransactionFacts, index: OpenItemIndex, options: MatchOptions): AmountContext {
  return {
    roundingCents: Math.round(Number(options.roundingTolerance) * 100),
    skontoMaxPercent: options.skontoMaxPercent,
    skontoRates: options.skontoRates,
    skontoMaxDays: options.skontoMaxDays,
    underpaymentTolerancePercent: options.underpaymentTolerancePercent,
    daysSinceOrder: daysBetween(index.items[proposal.positions[0]].createdAt, facts.paymentDate),
  }
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

function describeRelation(relation: AmountRelation, paid: number, owed: number): string {
  const o = formatCents(owed)
  switch (relation.kind) {
    case "exact":
      return `equals outstanding ${o}`
    case "rounding":
      return `differs from outstanding ${o} by ${formatCents(Math.abs(relation.differenceCents))} (rounding)`
    case "skonto":
      return `${formatCents(relation.shortCents)} less than outstanding ${o}: ${relation.percent} % cash discount (Skonto)`
    case "tolerance":
      return `${formatCents(relation.shortCents)} less than outstanding ${o}, within the underpayment tolerance`
    case "partial":
      return `partial payment: ${formatCents(paid)} of outstanding ${o}, ${formatCents(relation.shortCents)} stays open${relation.transposed ? " (digits look transposed)" : ""}`
    case "overpayment":
      return `overpayment: outstanding ${o} settled, ${formatCents(relation.surplusCents)} left unassigned${relation.transposed ? " (digits look transposed)" : ""}`
  }
}

function describeSet(proposal: Proposal, setSum: number, paid: number, index: OpenItemIndex): string {
  const parts = proposal.positions.map((position) => formatCents(index.items[position].outstandingCents)).join(" + ")
  if (setSum === paid) {
    return `equals the sum of ${proposal.positions.length} open orders (${parts})`
  }
  return `${formatCents(paid)} paid against ${proposal.positions.length} orders owing ${formatCents(setSum)} together (${parts})`
}
