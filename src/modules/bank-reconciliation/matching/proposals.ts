import { countOwing, itemsOwing, type Customer, type OpenItemIndex } from "./open-item-index"
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
  const customers = strong.size ? [...new Set<string>([...strong, ...party.byName.keys()])].sort() : party.sortedNameKeys
  const roundingCents = Math.round(Number(options.roundingTolerance) * 100)
  const feeCents = Math.round(Number(options.bankFeeTolerance) * 100)
  const shortPercent = Math.max(options.skontoMaxPercent, options.underpaymentTolerancePercent)
  const itemsOf = new Map<string, { items: number[]; cents: number[] | null }>()
  for (const key of customers) {
    const customer = party.customers.get(key) ?? index.customers.get(key)
    if (!customer) {
      continue
    }
    const items = customerItems(index, customer, currency)
    const cents = items === customer.items ? customer.cents : null
    // A payer name alone (namesakes!) is only worth proposing where the amount nearly fits
    // (up to the Skonto/tolerance shortfall); a known payer with very many orders, where it fits.
    const everything = strong.has(key) && items.length <= MAX_ITEMS_PER_PARTY
    const shortAllowed = strong.has(key) ? 0 : shortPercent
    itemsOf.set(key, { items, cents })
    for (let i = 0; i < items.length; i++) {
      const owed = cents ? cents[i] : index.items[items[i]].outstandingCents
      const near = amountCents <= owed + roundingCents &&
        ((owed - amountCents) * 100 <= owed * shortAllowed + roundingCents * 100 || owed - amountCents <= feeCents)
      if (everything || near) {
        singles.add(items[i])
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
    const own = itemsOf.get(customer)
    const subsets = own ? subsetProposals(amountCents, own.items, own.cents, index, options) : NO_PROPOSALS
    for (const subset of subsets) {
      proposals.push(subset)
    }
  }
  return proposals
}

const NO_PROPOSALS: Proposal[] = Object.freeze([]) as unknown as Proposal[]

const NO_ITEMS: number[] = Object.freeze([]) as unknown as number[]

/** A customer's open items in the payment's currency, in index order (callers only read the list). */
function customerItems(index: OpenItemIndex, customer: Customer, currency: string): number[] {
  if (customer.currency === currency) {
    return customer.items // all in the payment's currency (the usual case): no copy
  }
  if (customer.currency !== null) {
    return NO_ITEMS
  }
  return customer.items.filter((position) => index.items[position].currency === currency)
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
  items: number[],
  cents: number[] | null,
  index: OpenItemIndex,
  options: MatchOptions
): Proposal[] {
  if (items.length < 2 || items.length > options.maxSubsetItems || options.maxSubsetSize < 2) {
    return NO_PROPOSALS
  }
  let total = 0
  for (let i = 0; i < items.length; i++) {
    const owed = cents ? cents[i] : index.items[items[i]].outstandingCents
    if (owed === amountCents) {
      return NO_PROPOSALS // a single exact order wins over any combination (as Odoo does)
    }
    total += owed
  }
  if (total < amountCents) {
    return NO_PROPOSALS // all of them together are not enough: no combination can be exact
  }
  const values = items.map((position) => index.items[position].outstandingCents)
  return findExactSubsets(values, amountCents, options.maxSubsetSize, 5).map((subset) => ({
    positions: subset.map((i) => items[i]),
    amounts: subset.map((i) => values[i]),
    kind: "subset",
  }))
}
