import { amountKey, type OpenItemIndex } from "./open-item-index"
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
  const sameCurrency = (position: number) => index.items[position].currency === currency
  const singles = new Set<number>([...refs.keys()].filter(sameCurrency))
  // Payer known by IBAN, by a reference or by name in the purpose: all their orders are candidates.
  const strong = new Set<string>([...party.ibanCustomers, ...party.nameInPurpose])
  for (const position of singles) {
    strong.add(index.items[position].customerKey)
  }
  const customers = new Set<string>([...strong, ...party.byName.keys()])
  const roundingCents = Math.round(Number(options.roundingTolerance) * 100)
  const shortPercent = Math.max(options.skontoMaxPercent, options.underpaymentTolerancePercent)
  const fits = (position: number) => Math.abs(index.items[position].outstandingCents - amountCents) <= roundingCents
  // A payer name alone (namesakes!) is only worth proposing where the amount nearly fits.
  const near = (position: number) => {
    const owed = index.items[position].outstandingCents
    return amountCents <= owed + roundingCents && (owed - amountCents) * 100 <= owed * shortPercent + roundingCents * 100
  }
  for (const key of [...customers].sort()) {
    const items = (index.customers.get(key)?.items ?? []).filter(sameCurrency)
    const keep = !strong.has(key) ? items.filter(near) : items.length > MAX_ITEMS_PER_PARTY ? items.filter(fits) : items
    keep.forEach((position) => singles.add(position))
  }
  const key = amountKey(currency, amountCents)
  if (index.byAmount.count(key) <= options.maxAmountOnlyCandidates) {
    index.byAmount.get(key).forEach((position) => singles.add(position))
  }
  const proposals: Proposal[] = [...singles].sort((a, b) => a - b).map((position) => ({
    positions: [position],
    amounts: [Math.min(amountCents, index.items[position].outstandingCents)],
    kind: "single",
  }))
  const referencedSet = referencedSetProposal(amountCents, refs, index, sameCurrency, options)
  if (referencedSet) {
    proposals.push(referencedSet)
  }
  for (const key of [...customers].sort()) {
    proposals.push(...subsetProposals(amountCents, key, index, sameCurrency, options))
  }
  return proposals
}

/** Several orders named in one transfer ("RE 1001, 1002, 1003"): fill them in order, never beyond. */
function referencedSetProposal(
  amountCents: number,
  refs: ReferenceHits,
  index: OpenItemIndex,
  sameCurrency: (position: number) => boolean,
  options: MatchOptions
): Proposal | null {
  const positions = [...refs.entries()]
    .filter(([position, hit]) => hit.strength !== "weak" && sameCurrency(position))
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
  sameCurrency: (position: number) => boolean,
  options: MatchOptions
): Proposal[] {
  const items = (index.customers.get(customerKey)?.items ?? []).filter(sameCurrency)
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
