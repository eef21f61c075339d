import { countOwing, currencyOf, itemsOwing, type OpenItemIndex } from "./open-item-index"
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
  const strong = new Set<number>(party.ibanCustomers)
  party.nameInPurpose.forEach((customer) => strong.add(customer))
  for (const position of refs.keys()) {
    if (currencyOf(index, position) === currency) {
      singles.add(position)
      strong.add(index.customerOf[position])
    }
  }
  const near: Near = {
    amountCents,
    roundingCents: Math.round(Number(options.roundingTolerance) * 100),
    feeCents: Math.round(Number(options.bankFeeTolerance) * 100),
    shortPercent: Math.max(options.skontoMaxPercent, options.underpaymentTolerancePercent),
  }
  const currencyId = index.currencies.indexOf(currency)
  const subsets: Proposal[] = []
  // The order of the customers does not matter: proposals are ranked by confidence and key.
  for (const customer of strong) {
    addCustomer(customer, true, near, currencyId, singles, subsets, index, options)
  }
  for (const customer of party.byName.customers) {
    if (!strong.has(customer)) {
      addCustomer(customer, false, near, currencyId, singles, subsets, index, options)
    }
  }
  if (countOwing(index, currency, amountCents) <= options.maxAmountOnlyCandidates) {
    itemsOwing(index, currency, amountCents).forEach((position) => singles.add(position))
  }
  // Positions are small non-negative integers: a typed array sorts them ascending without a comparator.
  const ordered = new Int32Array(singles.size)
  let at = 0
  for (const position of singles) {
    ordered[at++] = position
  }
  ordered.sort()
  const proposals: Proposal[] = []
  for (let i = 0; i < ordered.length; i++) {
    const position = ordered[i]
    proposals.push({ positions: [position], amounts: [Math.min(amountCents, index.cents[position])], kind: "single" })
  }
  const referencedSet = referencedSetProposal(amountCents, refs, index, currency, options)
  if (referencedSet) {
    proposals.push(referencedSet)
  }
  for (const subset of subsets) {
    proposals.push(subset)
  }
  return proposals
}

type Near = { amountCents: number; roundingCents: number; feeCents: number; shortPercent: number }

/**
 * One customer's single-order candidates and exact sums. A payer name alone (namesakes!) is only
 * worth proposing where the amount nearly fits (up to the Skonto/tolerance shortfall); a known
 * payer with very many orders, where it fits.
 */
function addCustomer(
  customer: number, strong: boolean, near: Near, currencyId: number, singles: Set<number>, subsets: Proposal[],
  index: OpenItemIndex, options: MatchOptions
): void {
  let items: ArrayLike<number> = index.customerItems
  let cents: ArrayLike<number> = index.customerCents
  let from = index.customerStart[customer]
  let to = index.customerStart[customer + 1]
  const own = index.customerCurrency[customer]
  if (currencyId < 0 || (own >= 0 && own !== currencyId)) {
    return // none of the customer's orders is in the payment's currency
  }
  if (own < 0) {
    const mine: number[] = []
    for (let at = from; at < to; at++) {
      if (index.currencyIds[index.customerItems[at]] === currencyId) {
        mine.push(index.customerItems[at])
      }
    }
    items = mine
    cents = mine.map((position) => index.cents[position])
    from = 0
    to = mine.length
  }
  const { amountCents, roundingCents, feeCents } = near
  const everything = strong && to - from <= MAX_ITEMS_PER_PARTY
  const shortAllowed = strong ? 0 : near.shortPercent
  for (let at = from; at < to; at++) {
    const owed = cents[at]
    const fits = amountCents <= owed + roundingCents &&
      ((owed - amountCents) * 100 <= owed * shortAllowed + roundingCents * 100 || owed - amountCents <= feeCents)
    if (everything || fits) {
      singles.add(items[at])
    }
  }
  subsetProposals(amountCents, items, cents, from, to, subsets, options)
}

/** Several orders named in one transfer ("RE 1001, 1002, 1003"): fill them in order, never beyond. */
function referencedSetProposal(
  amountCents: number,
  refs: ReferenceHits,
  index: OpenItemIndex,
  currency: string,
  options: MatchOptions
): Proposal | null {
  if (refs.size < 2) {
    return null // one order named at most: no set
  }
  const positions = [...refs.entries()]
    .filter(([position, hit]) => (hit.strength !== "weak" || hit.listed) && currencyOf(index, position) === currency)
    .map(([position]) => position)
    .sort((a, b) => a - b)
  if (positions.length < 2 || positions.length > options.maxSubsetSize * 2) {
    return null
  }
  let remaining = amountCents
  const amounts = positions.map((position) => {
    const amount = Math.min(remaining, index.cents[position])
    remaining -= amount
    return amount
  })
  const used = amounts.map((amount, i) => ({ amount, position: positions[i] })).filter(({ amount }) => amount > 0)
  if (used.length < 2) {
    return null
  }
  return { positions: used.map((u) => u.position), amounts: used.map((u) => u.amount), kind: "referenced_set" }
}

/** Exact sums of one customer's open orders (items[from … to − 1]), unless one order alone already equals the amount. */
function subsetProposals(
  amountCents: number,
  items: ArrayLike<number>,
  cents: ArrayLike<number>,
  from: number,
  to: number,
  out: Proposal[],
  options: MatchOptions
): void {
  const count = to - from
  if (count < 2 || count > options.maxSubsetItems || options.maxSubsetSize < 2) {
    return
  }
  let total = 0
  for (let at = from; at < to; at++) {
    if (cents[at] === amountCents) {
      return // a single exact order wins over any combination (as Odoo does)
    }
    total += cents[at]
  }
  if (total < amountCents) {
    return // all of them together are not enough: no combination can be exact
  }
  if (count <= 3) {
    // Two or three orders (most customers): every pair and the triple, without a search.
    for (let i = from; i < to; i++) {
      for (let j = i + 1; j < to; j++) {
        if (cents[i] + cents[j] === amountCents) {
          out.push({ positions: [items[i], items[j]], amounts: [cents[i], cents[j]], kind: "subset" })
        }
      }
    }
    if (count === 3 && options.maxSubsetSize >= 3 && cents[from] + cents[from + 1] + cents[from + 2] === amountCents) {
      out.push({ positions: [items[from], items[from + 1], items[from + 2]], amounts: [cents[from], cents[from + 1], cents[from + 2]], kind: "subset" })
    }
    return
  }
  const values = Array.from({ length: count }, (_, i) => cents[from + i])
  for (const subset of findExactSubsets(values, amountCents, options.maxSubsetSize, 5)) {
    out.push({ positions: subset.map((i) => items[from + i]), amounts: subset.map((i) => values[i]), kind: "subset" })
  }
}
