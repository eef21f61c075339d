import { compareNames, isNameWord, nameInWords, NameMatches, payerName, type NameMatch, type PayerName } from "./names"
import { namePairs, normalizeIban } from "./customer-index"
import type { OpenItemIndex } from "./open-item-index"
import type { PurposeScan } from "./reference-mentions"

/** Who may have paid: customers (ids) by IBAN, by payer name and by a name written in the purpose. */
export type PartyEvidence = {
  ibanCustomers: readonly number[]
  /** Shared between payments of the same payer name: read only. */
  byName: NameMatches
  nameInPurpose: ReadonlySet<number>
}

const NOBODY: ReadonlySet<number> = new Set()

const NO_CUSTOMERS: readonly number[] = Object.freeze([])

/** Collects the customers the payer can be; bounded by options.nameCandidateLimit per name. */
export function findParty(
  counterpartIban: string | null | undefined,
  counterpartName: string | null | undefined,
  scan: PurposeScan,
  index: OpenItemIndex,
  nameCandidateLimit: number
): PartyEvidence {
  const iban = normalizeIban(counterpartIban)
  const ibanCustomers = (iban && index.byIban.get(iban)) || NO_CUSTOMERS
  const nameInPurpose = customersNamedIn(scan.words, index, nameCandidateLimit)
  // The payer names given (the counterpart's, the ultimate debtor's), empty ones left out.
  const first = counterpartName || scan.ultimateDebtor
  if (!first) {
    return { ibanCustomers, byName: NO_NAMES, nameInPurpose }
  }
  const found = rawNameMatches(first, index, nameCandidateLimit)
  if (!counterpartName || !scan.ultimateDebtor) {
    return { ibanCustomers, byName: found, nameInPurpose }
  }
  // A second payer name (the ultimate debtor): a customer keeps the better match, the first on a tie.
  const byName = new Map<number, NameMatch>()
  found.customers.forEach((customer, at) => byName.set(customer, found.matchAt(at)))
  const second = nameMatches(payerName(scan.ultimateDebtor), index, nameCandidateLimit)
  second.customers.forEach((customer, at) => {
    const match = second.matchAt(at)
    const known = byName.get(customer)
    if (!known || match.score > known.score) {
      byName.set(customer, match)
    }
  })
  return { ibanCustomers, byName: new NameMatches([...byName.keys()], [...byName.values()]), nameInPurpose }
}

const NO_NAMES = new NameMatches([], [])

/** nameMatches of a payer name as the bank wrote it: the same text is normalised once per run. */
function rawNameMatches(raw: string, index: OpenItemIndex, limit: number): NameMatches {
  // One table per candidate limit: the raw text itself is the key (no key string built per payment).
  let byRaw = index.payerNamesRaw.get(limit)
  if (!byRaw) {
    byRaw = new Map()
    index.payerNamesRaw.set(limit, byRaw)
  }
  let found = byRaw.get(raw)
  if (!found) {
    found = nameMatches(payerName(raw), index, limit)
    byRaw.set(raw, found)
  }
  return found
}

/**
 * The customers a normalised payer name matches, each with its best match, computed once per run
 * for each name: the same payer (and the same name written another way) pays more than once in a
 * batch. Depends only on the name's words and whether the bank cut it, the index and the
 * candidate limit. Namesakes share one spelling of their name: it is compared once, not once each.
 */
function nameMatches(payer: PayerName, index: OpenItemIndex, limit: number): NameMatches {
  const key = `${payer.truncated ? "1" : "0"}${limit} ${payer.tokens.join(" ")}`
  let found = index.payerNames.get(key)
  if (!found) {
    const candidates = nameCandidates(payer, index, limit)
    // Candidates are distinct customers, namesakes of one spelling side by side: a spelling is
    // compared once. While every candidate matches alike (level and score), no list is built.
    let uniform: NameMatch | null = null
    let each: (NameMatch | null)[] | null = null
    let lastSpelling = -1
    let lastBest: NameMatch | null = null
    for (let at = 0; at < candidates.length; at++) {
      const customer = candidates[at]
      const spelling = index.names.onlySpelling(customer)
      let best: NameMatch | null
      if (spelling >= 0 && spelling === lastSpelling) {
        best = lastBest
      } else {
        best = bestMatch(payer, index.names.namesOf(customer))
        if (spelling >= 0) {
          lastSpelling = spelling
          lastBest = best
        }
      }
      if (each === null) {
        if (at === 0) {
          uniform = best
        }
        if (best !== null && uniform !== null && best.level === uniform.level && best.score === uniform.score) {
          continue // the same match (namesakes, or one of their names the same as theirs)
        }
        each = new Array<NameMatch | null>(at).fill(uniform)
      }
      each.push(best)
    }
    if (each === null) {
      found = uniform ? new NameMatches(candidates, uniform) : NO_NAMES
    } else {
      const matched = each.flatMap((best, at) => (best ? [at] : []))
      found = new NameMatches(matched.map((at) => candidates[at]), matched.map((at) => each![at]!))
    }
    index.payerNames.set(key, found)
  }
  return found
}

/** The best of a customer's names for the payer (the first of the best scores), or null. */
function bestMatch(payer: PayerName, names: readonly string[][]): NameMatch | null {
  let best: NameMatch | null = null
  for (let i = 0; i < names.length; i++) {
    const match = compareNames(payer, names[i])
    if (match.level !== "none" && (!best || match.score > best.score)) {
      best = match
    }
  }
  return best
}

/** Past this many customers a single shared word (a common surname) proposes nobody. */
const SINGLE_WORD_LIMIT = 10

/**
 * Customers sharing at least two name words with the payer (through the pair index), those
 * sharing the most first; with one word in common only when few customers have it. Never more
 * than `limit`, so common names do not fan out to thousands of candidates.
 */
function nameCandidates(payer: PayerName, index: OpenItemIndex, limit: number): readonly number[] {
  const tokens = payer.tokens
  let only: readonly number[] | null = null // the one pair's customers, when a single pair counts
  let shared: Map<number, number> | null = null
  for (const pair of namePairs(tokens)) {
    // A pair shared by very many customers ("hans peter") cannot narrow anything down; skipping
    // it keeps the work per payment bounded however large the order book grows.
    const customers = index.names.customersWithPair(pair)
    if (customers.length > limit || !customers.length) {
      continue
    }
    if (!only && !shared) {
      only = customers
      continue
    }
    if (!shared) {
      shared = new Map<number, number>()
      for (const customer of only!) {
        shared.set(customer, 1)
      }
      only = null
    }
    for (const customer of customers) {
      shared.set(customer, (shared.get(customer) ?? 0) + 1)
    }
  }
  if (only) {
    return only // each shares this one pair: all are the best
  }
  if (shared) {
    let most = 0
    for (const count of shared.values()) {
      most = Math.max(most, count)
    }
    const best: number[] = []
    for (const [customer, count] of shared) {
      if (count === most) {
        best.push(customer)
      }
    }
    return best.length <= limit ? best : []
  }
  const few = tokens.filter((word) => index.names.customersWithToken(word).length <= Math.min(limit, SINGLE_WORD_LIMIT))
  return [...new Set(few.flatMap((word) => index.names.customersWithToken(word)))]
}

/** Customers whose whole name appears in the purpose words (payer name missing or different). */
function customersNamedIn(words: string[], index: OpenItemIndex, limit: number): ReadonlySet<number> {
  if (!words.length) {
    return NOBODY
  }
  const present = new Set<string>()
  for (let i = 0; i < words.length; i++) {
    if (isNameWord(words[i])) {
      present.add(words[i])
    }
  }
  let found: Set<number> | null = null // made when the first customer is found (most purposes name nobody)
  for (const word of present) {
    const customers = index.names.customersWithToken(word)
    if (customers.length > limit) {
      continue
    }
    for (let at = 0; at < customers.length; at++) {
      const customer = customers[at]
      if (!found?.has(customer) && namedIn(index.names.namesOf(customer), present)) {
        ;(found ??= new Set<number>()).add(customer)
      }
    }
  }
  return found ?? NOBODY
}

/** Whether one of the customer's names appears whole among the words. */
function namedIn(names: readonly string[][], words: ReadonlySet<string>): boolean {
  for (let i = 0; i < names.length; i++) {
    if (nameInWords(names[i], words)) {
      return true
    }
  }
  return false
}
