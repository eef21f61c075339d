import { compareNames, isNameWord, nameInWords, nameTokens, type NameMatch } from "./names"
import { normalizeIban, type OpenItemIndex } from "./open-item-index"
import type { PurposeScan } from "./reference-mentions"

/** Who may have paid: customers by IBAN, by payer name and by a name written in the purpose. */
export type PartyEvidence = {
  ibanCustomers: string[]
  byName: Map<string, NameMatch>
  nameInPurpose: Set<string>
}

/** Collects the customers the payer can be; bounded by options.nameCandidateLimit per name. */
export function findParty(
  counterpartIban: string | null | undefined,
  counterpartName: string | null | undefined,
  scan: PurposeScan,
  index: OpenItemIndex,
  nameCandidateLimit: number
): PartyEvidence {
  const iban = normalizeIban(counterpartIban)
  const ibanCustomers = iban ? [...new Set(index.byIban.get(iban) ?? [])] : []
  const byName = new Map<string, NameMatch>()
  for (const payer of [counterpartName, scan.ultimateDebtor]) {
    if (!payer) {
      continue
    }
    for (const key of nameCandidates(payer, index, nameCandidateLimit)) {
      const customer = index.customers.get(key)
      for (const names of customer?.names ?? []) {
        const match = compareNames(payer, names)
        const known = byName.get(key)
        if (match.level !== "none" && (!known || match.score > known.score)) {
          byName.set(key, match)
        }
      }
    }
  }
  return { ibanCustomers, byName, nameInPurpose: customersNamedIn(scan.words, index, nameCandidateLimit) }
}

/** Past this many customers a single shared word (a common surname) proposes nobody. */
const SINGLE_WORD_LIMIT = 10

/**
 * Customers sharing at least the payer's two rarest name words, narrowed by further words while
 * too many remain; with one word in common only when few customers have it. Never more than
 * `limit`, so common names do not fan out to thousands of candidates.
 */
function nameCandidates(payer: string, index: OpenItemIndex, limit: number): string[] {
  const sets = nameTokens(payer)
    .map((word) => index.byNameToken.get(word))
    .filter((set): set is Set<string> => set !== undefined)
    .sort((a, b) => a.size - b.size)
  if (!sets.length) {
    return []
  }
  let current = [...sets[0]]
  let shared = 1
  for (const next of sets.slice(1)) {
    const narrowed = current.filter((key) => next.has(key))
    if (!narrowed.length) {
      break // a word the customer does not have (typo, cut-off, second name): stop narrowing
    }
    current = narrowed
    shared++
    if (current.length <= limit) {
      break
    }
  }
  const cap = shared > 1 ? limit : Math.min(limit, SINGLE_WORD_LIMIT)
  return current.length <= cap ? current : []
}

/** Customers whose whole name appears in the purpose words (payer name missing or different). */
function customersNamedIn(words: string[], index: OpenItemIndex, limit: number): Set<string> {
  const found = new Set<string>()
  const present = new Set(words.filter(isNameWord))
  for (const word of present) {
    const keys = index.byNameToken.get(word)
    if (!keys || keys.size > limit) {
      continue
    }
    for (const key of keys) {
      if (!found.has(key) && index.customers.get(key)?.names.some((names) => nameInWords(names, present))) {
        found.add(key)
      }
    }
  }
  return found
}
