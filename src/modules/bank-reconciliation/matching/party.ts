import { compareNames, isNameWord, nameInWords, payerName, type NameMatch, type PayerName } from "./names"
import { namePairs, normalizeIban } from "./customer-index"
import type { OpenItemIndex } from "./open-item-index"
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
  const ibanCustomers = iban ? [...index.byIban.get(iban)] : []
  const byName = new Map<string, NameMatch>()
  for (const raw of [counterpartName, scan.ultimateDebtor]) {
    if (!raw) {
      continue
    }
    const payer = payerName(raw)
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
 * Customers sharing at least two name words with the payer (through the pair index), those
 * sharing the most first; with one word in common only when few customers have it. Never more
 * than `limit`, so common names do not fan out to thousands of candidates.
 */
function nameCandidates(payer: PayerName, index: OpenItemIndex, limit: number): string[] {
  const tokens = payer.tokens
  const shared = new Map<string, number>()
  for (const pair of namePairs(tokens)) {
    // A pair shared by very many customers ("hans peter") cannot narrow anything down; skipping
    // it keeps the work per payment bounded however large the order book grows.
    if (index.byNamePair.count(pair) <= limit) {
      for (const key of index.byNamePair.get(pair)) {
        shared.set(key, (shared.get(key) ?? 0) + 1)
      }
    }
  }
  if (shared.size) {
    const most = Math.max(...shared.values())
    const best = [...shared.entries()].filter(([, count]) => count === most).map(([key]) => key)
    return best.length <= limit ? best : []
  }
  const few = tokens.filter((word) => index.byNameToken.count(word) <= Math.min(limit, SINGLE_WORD_LIMIT))
  return [...new Set(few.flatMap((word) => index.byNameToken.get(word)))]
}

/** Customers whose whole name appears in the purpose words (payer name missing or different). */
function customersNamedIn(words: string[], index: OpenItemIndex, limit: number): Set<string> {
  const found = new Set<string>()
  const present = new Set(words.filter(isNameWord))
  for (const word of present) {
    if (index.byNameToken.count(word) > limit) {
      continue
    }
    for (const key of index.byNameToken.get(word)) {
      if (!found.has(key) && index.customers.get(key)?.names.some((names) => nameInWords(names, present))) {
        found.add(key)
      }
    }
  }
  return found
}
