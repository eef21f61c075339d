import { formatCents, looksTransposed, type AmountRelation } from "./amounts"
import { labelOf, type OpenItemIndex } from "./open-item-index"
import { partyWeights, PARTY_WEIGHT, type ScoredProposal, type TransactionFacts } from "./scoring"
import type { Reason, ReasonParams, Signal } from "./types"

/**
 * Operator-readable evidence for a proposal: one reason per signal that counted, each as an English
 * `detail` and as a `code` with `params` (amounts as decimal strings) for the admin's languages.
 */
export function explainProposal(proposal: ScoredProposal, facts: TransactionFacts, index: OpenItemIndex): Reason[] {
  const reasons: Reason[] = []
  for (const position of proposal.positions) {
    const hit = facts.refs.get(position)
    if (hit) {
      reasons.push({ signal: hit.signal, detail: hit.detail, code: hit.code, params: hit.params })
    }
  }
  if (proposal.customer !== null) {
    const customer = labelOf(index, proposal.customer)
    const party = partyWeights(proposal.customer, facts.party)
    if (party.iban) {
      const others = facts.party.ibanCustomers.length - 1
      const shared = others ? ` (also on file for ${others} other customer(s))` : ""
      reasons.push(reason("iban", `payer IBAN ${facts.counterpartIban} is on file for ${customer}${shared}`, "iban_known", { iban: facts.counterpartIban, customer, others }))
    }
    if (party.name) {
      const match = facts.party.byName.get(proposal.customer)
      if (match && party.name !== PARTY_WEIGHT.nameInPurpose) {
        const full = match.level === "full"
        reasons.push(reason("name", `payer name ${full ? "matches" : "partly matches"} ${customer}`, full ? "name_full" : "name_partial", { customer }))
      } else {
        reasons.push(reason("name", `name of ${customer} appears in the purpose`, "name_in_purpose", { customer }))
      }
    }
  }
  reasons.push(proposal.relation ? describeRelation(proposal.relation, facts.amountCents, index.cents[proposal.positions[0]]) : describeSet(proposal, facts.amountCents, index))
  return onePerSignal(reasons)
}

/** Every code a reason can carry; the admin has a sentence for each in every language. */
export const REASON_CODES = [
  "reference_match", "invoice_match", "order_match", "iban_known", "name_full", "name_partial", "name_in_purpose",
  "amount_exact", "amount_rounding", "amount_bank_fee", "amount_skonto", "amount_tolerance", "amount_partial",
  "amount_overpayment", "amount_set_exact", "amount_set_inexact", "ambiguity", "payer_conflict", "batch_conflict",
] as const

export function reason(signal: Signal, detail: string, code: string, params: ReasonParams): Reason {
  return { signal, detail, code, params }
}

const SIGNAL_ORDER: Signal[] = ["payment_reference", "end_to_end_reference", "invoice_number", "order_number", "iban", "name", "amount"]

/** One reason per signal, in a fixed order; several references of one kind are joined (codes in `more`). */
function onePerSignal(reasons: Reason[]): Reason[] {
  const merged: Reason[] = []
  for (const signal of SIGNAL_ORDER) {
    let count = 0
    let only: Reason | null = null
    for (const reason of reasons) {
      if (reason.signal === signal) {
        count++
        only = reason
      }
    }
    if (count === 1) {
      merged.push(only!) // alone: as it is (a fresh object of explainProposal)
      continue
    }
    const same = count ? reasons.filter((reason) => reason.signal === signal) : []
    if (same.length) {
      const [first, ...rest] = same
      const more = rest.length ? { more: rest.map(({ code, params }) => ({ code, params })) } : {}
      merged.push({ ...first, detail: same.map((reason) => reason.detail).join("; "), ...more })
    }
  }
  return merged
}

function describeRelation(relation: AmountRelation, paid: number, owed: number): Reason {
  const outstanding = formatCents(owed)
  const transposed = looksTransposed(paid, owed)
  const note = transposed ? " (digits look transposed)" : ""
  switch (relation.kind) {
    case "exact":
      return reason("amount", `equals outstanding ${outstanding}`, "amount_exact", { outstanding })
    case "rounding": {
      const difference = formatCents(Math.abs(relation.differenceCents))
      return reason("amount", `differs from outstanding ${outstanding} by ${difference} (rounding)`, "amount_rounding", { outstanding, difference })
    }
    case "bank_fee": {
      const short = formatCents(relation.shortCents)
      return reason("amount", `${short} less than outstanding ${outstanding}: bank fee within the shop's tolerance, ${short} stays open`, "amount_bank_fee", { short, outstanding })
    }
    case "skonto": {
      const short = formatCents(relation.shortCents)
      return reason("amount", `${short} less than outstanding ${outstanding}: ${relation.percent} % cash discount (Skonto)`, "amount_skonto", { short, outstanding, percent: relation.percent })
    }
    case "tolerance": {
      const short = formatCents(relation.shortCents)
      return reason("amount", `${short} less than outstanding ${outstanding}, within the underpayment tolerance`, "amount_tolerance", { short, outstanding })
    }
    case "partial": {
      const params = { paid: formatCents(paid), outstanding, open: formatCents(relation.shortCents), transposed }
      return reason("amount", `partial payment: ${params.paid} of outstanding ${outstanding}, ${params.open} stays open${note}`, "amount_partial", params)
    }
    case "overpayment": {
      const surplus = formatCents(relation.surplusCents)
      return reason("amount", `overpayment: outstanding ${outstanding} settled, ${surplus} left unassigned${note}`, "amount_overpayment", { outstanding, surplus, transposed })
    }
  }
}

function describeSet(proposal: ScoredProposal, paid: number, index: OpenItemIndex): Reason {
  const owed = proposal.positions.map((position) => index.cents[position])
  const parts = owed.map(formatCents)
  const count = proposal.positions.length
  const sum = owed.reduce((a, b) => a + b, 0)
  if (sum === paid) {
    return reason("amount", `equals the sum of ${count} open orders (${parts.join(" + ")})`, "amount_set_exact", { count, parts })
  }
  const params = { paid: formatCents(paid), count, sum: formatCents(sum), parts }
  return reason("amount", `${params.paid} paid against ${count} orders owing ${params.sum} together (${parts.join(" + ")})`, "amount_set_inexact", params)
}
