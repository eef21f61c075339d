import { nameTokens } from "./names"
import type { Customer, IndexedItem, OpenItemIndex } from "./open-item-index"
import type { OpenItemInput } from "./types"

/** Normalises an IBAN for comparison (no spaces, upper case). */
export function normalizeIban(iban: string | null | undefined): string {
  return (iban ?? "").toUpperCase().replace(/[^A-Z0-9]/g, "")
}

/** Adds an item's customer: its items, known IBANs and name words (single and in pairs). */
export function indexCustomer(index: OpenItemIndex, item: IndexedItem, input: OpenItemInput, position: number, nameCache: Map<string, NormalisedName>): void {
  let customer = index.customers.get(item.customerKey)
  if (!customer) {
    const label = input.companyName || input.customerName || input.customerId || input.orderId
    customer = { key: item.customerKey, items: [], ibans: [], names: [], label }
    index.customers.set(item.customerKey, customer)
  }
  customer.items.push(position)
  for (const raw of input.knownIbans ?? []) {
    const iban = normalizeIban(raw)
    if (iban && !customer.ibans.includes(iban)) {
      customer.ibans.push(iban)
      index.byIban.add(iban, customer.key)
    }
  }
  // Names the operator taught (payer names of earlier manual assignments) count like the customer's own.
  for (const name of [input.customerName, input.companyName, ...(input.aliases ?? [])]) {
    if (name) {
      addName(index, customer, cachedTokens(name, nameCache))
    }
  }
}

export type NormalisedName = { tokens: string[]; pairs: string[] }

/** Names repeat across a customer's orders and between namesakes: normalise each spelling once. */
function cachedTokens(name: string, cache: Map<string, NormalisedName>): NormalisedName {
  let normalised = cache.get(name)
  if (!normalised) {
    const tokens = nameTokens(name)
    normalised = { tokens, pairs: namePairs(tokens) }
    cache.set(name, normalised)
  }
  return normalised
}

function addName(index: OpenItemIndex, customer: Customer, { tokens, pairs }: NormalisedName): void {
  if (!tokens.length || customer.names.includes(tokens)) {
    return // the cache hands out one array per spelling, so identity is equality here
  }
  // Words and pairs a second spelling shares with an earlier one are already indexed for this customer.
  for (const token of tokens) {
    if (!customer.names.some((name) => name.includes(token))) {
      index.byNameToken.add(token, customer.key)
    }
  }
  for (const pair of pairs) {
    const [a, b] = pair.split(" ")
    if (!customer.names.some((name) => name.includes(a) && name.includes(b))) {
      index.byNamePair.add(pair, customer.key)
    }
  }
  customer.names.push(tokens)
}

/** Every unordered pair of distinct name words, as "a b" with a < b (bounded: first 6 words). */
export function namePairs(tokens: string[]): string[] {
  const words = [...new Set(tokens.slice(0, 6))].sort()
  const pairs: string[] = []
  for (let i = 0; i < words.length; i++) {
    for (let j = i + 1; j < words.length; j++) {
      pairs.push(`${words[i]} ${words[j]}`)
    }
  }
  return pairs
}
