import { countOwing, itemsOwing, type OpenItemIndex } from "./open-item-index"
import type { PartyEvidence } from "./party"
import type { ReferenceHits } from "./references"
import { findExactSubsets } from "./subset-sum"
import type { MatchOptions } from "./types"

/** One way to assign a transaction: items (index positions, ascending) and cents per item. */
export type Proposal = { positions: number[]; amounts: number[]; kind: "single" | "referenced_set" | "subset" }

/** Past this many open orders a customer's items are only looked at when the amount fits. */
const MAX_ITEMS_PER_PARTY = 50

/** Lists every allocation worth scoring for one transaction, from references, payer and amount. */
export function buildProposals(
  amountCents: number,
  currency: string,
  refs: ReferenceHits,
  party: PartyEvidence,
  index: OpenItemIndex,
  options: MatchOptions
): Proposal[] {
  const singles = new Set<number>()
  // Payer known by IBAN, by a reference or by name in the purpose: all their orders are candidates.
  const strong = new Set<string>([...party.ibanCustomers, ...party.nameInPurpose])
  for (const position of refs.keys()) {
    if (index.items[position].currency === currency) {
      singles.add(position)
      strong.add(index.items[position].customerKey)
    }
  }
  const customers = [...new Set<string>([...strong, ...party.byName.keys()])].sort()
  const roundingCents = Math.round(Number(options.roundingTolerance) * 100)
  const feeCents = Math.round(Number(options.bankFeeTolerance) * 100)
  const shortPercent = Math.max(options.skontoMaxPercent, options.underpaymentTolerancePercent)
  for (const key of customers) {
    const items = customerItems(index, key, currency)
    // A payer name alone (namesakes!) is only worth proposing where the amount nearly fits
    // (up to the Skonto/tolerance shortfall); a known payer with very many orders, where it fits.
    const everything = strong.has(key) && items.length <= MAX_ITEMS_PER_PARTY
    const shortAllowed = strong.has(key) ? 0 : shortPercent
    for (const position of items) {
      const owed = index.items[position].outstandingCents
      const near = amountCents <= owed + roundingCents &&
        ((owed - amountCents) * 100 <= owed * shortAllowed + roundingCents * 100 || owed - amountCents <= feeCents)
      if (everything || near) {
        singles.add(position)
      }
    }
  }
  if (countOwing(index, currency, amountCents) <= options.maxAmountOnlyCandidates) {
    itemsOwing(index, currency, amountCents).forEach((position) => singles.add(position))
  }
  const proposals: Proposal[] = [...singles].sort((a, b) => a - b).map((position) => ({
    positions: [position],
    amounts: [Math.min(amountCents, index.items[position].outstandingCents)],
    kind: "single",
  }))
  const referencedSet = referencedSetProposal(amountCents, refs, index, currency, options)
  if (referencedSet) {
    proposals.push(referencedSet)
  }
  for (const customer of customers) {
    proposals.push(...subsetProposals(amountCents, customer, index, currency, options))
  }
  return proposals
}

/** A customer's open items in the payment's currency, in index order. */
function customerItems(index: OpenItemIndex, customerKey: string, currency: string): number[] {
  const items: number[] = []
  for (const position of index.customers.get(customerKey)?.items ?? []) {
    if (index.items[position].currency === currency) {
      items.push(position)
    }
  }
  return items
}

/** Several orders named in one transfer ("RE 1001, 1002, 1003"): fill them in order, never beyond. */
function referencedSetProposal(
  amountCents: number,
  refs: ReferenceHits,
  index: OpenItemIndex,
  currency: string,
  options: MatchOptions
): Proposal | null {
  const positions = [...refs.entries()]
    .filter(([position, hit]) => (hit.strength !== "weak" || hit.listed) && index.items[position].currency === currency)
    .map(([position]) => position)
    .sort((a, b) => a - b)
  if (positions.length < 2 || positions.length > options.maxSubsetSize * 2) {
    return null
  }
  let remaining = amountCents
  const amounts = positions.map((position) => {
    const amount = Math.min(remaining, index.items[position].outstandingCents)
    remaining -= amount
    return amount
  })
  const used = amounts.map((amount, i) => ({ amount, position: positions[i] })).filter(({ amount }) => amount > 0)
  if (used.length < 2) {
    return null
  }
  return { positions: used.map((u) => u.position), amounts: used.map((u) => u.amount), kind: "referenced_set" }
}

/** Exact sums of one customer's open orders, unless one order alone already equals the amount. */
function subsetProposals(
  amountCents: number,
  customerKey: string,
  index: OpenItemIndex,
  currency: string,
  options: MatchOptions
): Proposal[] {
  const items = customerItems(index, customerKey, currency)
  if (items.length < 2 || items.length > options.maxSubsetItems || options.maxSubsetSize < 2) {
    return []
  }
  const values = items.map((position) => index.items[position].outstandingCents)
  if (values.includes(amountCents)) {
    return [] // a single exact order wins over any combination (as Odoo does)
  }
  return findExactSubsets(values, amountCents, options.maxSubsetSize, 5).map((subset) => ({
    positions: subset.map((i) => items[i]),
    amounts: subset.map((i) => values[i]),
    kind: "subset",
  }))
}
