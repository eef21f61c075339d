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

/** Customers sharing the payer's rarest name words; common words alone are not looked at. */
function nameCandidates(payer: string, index: OpenItemIndex, limit: number): string[] {
  const lists = nameTokens(payer)
    .map((word) => [...new Set(index.byNameToken.get(word) ?? [])])
    .filter((list) => list.length > 0)
    .sort((a, b) => a.length - b.length)
  if (!lists.length) {
    return []
  }
  if (lists[0].length <= limit) {
    return lists.length > 1 && lists[1].length <= limit ? [...new Set([...lists[0], ...lists[1]])] : lists[0]
  }
  if (lists.length > 1) {
    const second = new Set(lists[1])
    const both = lists[0].filter((key) => second.has(key))
    return both.length <= limit ? both : []
  }
  return []
}

/** Customers whose whole name appears in the purpose words (payer name missing or different). */
function customersNamedIn(words: string[], index: OpenItemIndex, limit: number): Set<string> {
  const found = new Set<string>()
  const present = new Set(words.filter(isNameWord))
  for (const word of present) {
    const keys = index.byNameToken.get(word) ?? []
    if (keys.length > limit) {
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
