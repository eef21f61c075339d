import { formatCents, looksTransposed, type AmountRelation } from "./amounts"
import type { OpenItemIndex } from "./open-item-index"
import { partyWeights, PARTY_WEIGHT, type ScoredProposal, type TransactionFacts } from "./scoring"
import type { Reason } from "./types"

/** Operator-readable evidence for a proposal: one reason per signal that counted. */
export function explainProposal(proposal: ScoredProposal, facts: TransactionFacts, index: OpenItemIndex): Reason[] {
  const reasons: Reason[] = []
  for (const position of proposal.positions) {
    const hit = facts.refs.get(position)
    if (hit) {
      reasons.push({ signal: hit.signal, detail: hit.detail })
    }
  }
  if (proposal.customerKey) {
    const label = index.customers.get(proposal.customerKey)?.label
    const party = partyWeights(proposal.customerKey, facts.party)
    if (party.iban) {
      const others = facts.party.ibanCustomers.length - 1
      const shared = others ? ` (also on file for ${others} other customer(s))` : ""
      reasons.push({ signal: "iban", detail: `payer IBAN ${facts.counterpartIban} is on file for ${label}${shared}` })
    }
    if (party.name) {
      const match = facts.party.byName.get(proposal.customerKey)
      const detail = match && party.name !== PARTY_WEIGHT.nameInPurpose
        ? `payer name ${match.level === "full" ? "matches" : "partly matches"} ${label}`
        : `name of ${label} appears in the purpose`
      reasons.push({ signal: "name", detail })
    }
  }
  const first = index.items[proposal.positions[0]].outstandingCents
  const setSum = proposal.positions.reduce((sum, position) => sum + index.items[position].outstandingCents, 0)
  reasons.push({
    signal: "amount",
    detail: proposal.relation ? describeRelation(proposal.relation, facts.amountCents, first) : describeSet(proposal, setSum, facts.amountCents, index),
  })
  return onePerSignal(reasons)
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
      return `partial payment: ${formatCents(paid)} of outstanding ${o}, ${formatCents(relation.shortCents)} stays open${looksTransposed(paid, owed) ? " (digits look transposed)" : ""}`
    case "overpayment":
      return `overpayment: outstanding ${o} settled, ${formatCents(relation.surplusCents)} left unassigned${looksTransposed(paid, owed) ? " (digits look transposed)" : ""}`
  }
}

function describeSet(proposal: ScoredProposal, setSum: number, paid: number, index: OpenItemIndex): string {
  const parts = proposal.positions.map((position) => formatCents(index.items[position].outstandingCents)).join(" + ")
  if (setSum === paid) {
    return `equals the sum of ${proposal.positions.length} open orders (${parts})`
  }
  return `${formatCents(paid)} paid against ${proposal.positions.length} orders owing ${formatCents(setSum)} together (${parts})`
}
