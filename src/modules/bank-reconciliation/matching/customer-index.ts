import { nameTokens } from "./names"
import type { Customer, IndexedItem, OpenItemIndex } from "./open-item-index"
import type { OpenItemInput } from "./types"

/** Normalises an IBAN for comparison (no spaces, upper case). */
export function normalizeIban(iban: string | null | undefined): string {
  if (!iban) {
    return ""
  }
  return isCompactUpper(iban) ? iban : iban.toUpperCase().replace(/[^A-Z0-9]/g, "")
}

/** True when `text` is only A–Z and 0–9 (already normalised: no copy needed). */
export function isCompactUpper(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (!((code >= 48 && code <= 57) || (code >= 65 && code <= 90))) {
      return false
    }
  }
  return true
}

/**
 * Adds an item's customer: its items, known IBANs and names (words and pairs are indexed per
 * spelling, see NameIndex). `previous` is the item added just before with the same customer, if
 * any: what it already added (the same IBANs, the same name strings) is not looked at again.
 */
export function indexCustomer(index: OpenItemIndex, item: IndexedItem, input: OpenItemInput, position: number, previous: { customer: Customer; input: OpenItemInput } | null): Customer {
  let customer = previous?.customer ?? index.customers.get(item.customerKey)
  if (!customer) {
    const label = input.companyName || input.customerName || input.customerId || input.orderId
    customer = { key: item.customerKey, items: [], cents: [], currency: item.currency, ibans: [], names: [], label }
    index.customers.set(item.customerKey, customer)
  } else if (customer.currency !== item.currency) {
    customer.currency = null
  }
  customer.items.push(position)
  customer.cents.push(item.outstandingCents)
  const ibans = input.knownIbans
  if (ibans && !(previous && sameStrings(ibans, previous.input.knownIbans))) {
    for (let i = 0; i < ibans.length; i++) {
      const iban = normalizeIban(ibans[i])
      if (iban && !customer.ibans.includes(iban)) {
        customer.ibans.push(iban)
        index.byIban.add(iban, customer.key)
      }
    }
  }
  // Names the operator taught (payer names of earlier manual assignments) count like the customer's own.
  if (input.customerName && input.customerName !== previous?.input.customerName) {
    index.names.add(customer, input.customerName)
  }
  if (input.companyName && input.companyName !== previous?.input.companyName) {
    index.names.add(customer, input.companyName)
  }
  const aliases = input.aliases
  if (aliases && !(previous && sameStrings(aliases, previous.input.aliases))) {
    for (let i = 0; i < aliases.length; i++) {
      if (aliases[i]) {
        index.names.add(customer, aliases[i])
      }
    }
  }
  return customer
}

function sameStrings(a: readonly string[], b: readonly string[] | null | undefined): boolean {
  if (!b || a.length !== b.length) {
    return false
  }
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) {
      return false
    }
  }
  return true
}

/** One spelling of a name, normalised once, and the customers who have it. */
type Spelling = { tokens: string[]; customers: Customer[] }

const NONE: readonly Customer[] = Object.freeze([])

/**
 * Name word → customers and name-word pair → customers. Names repeat across a customer's orders
 * and between namesakes, so each spelling is normalised once and remembers its customers; the
 * word and pair lists are built from the spellings (thousands, not one per order) when first
 * asked, and each list of customers is put together on first use. A customer appears once per
 * list however many of their names share the word.
 */
export class NameIndex {
  private readonly spellings = new Map<string, Spelling>()
  private byToken: Map<string, Spelling | Spelling[]> | null = null
  private byPair: Map<string, Spelling | Spelling[]> | null = null
  private readonly tokenCustomers = new Map<string, readonly Customer[]>()
  private readonly pairCustomers = new Map<string, readonly Customer[]>()

  /** Adds a name of `customer`; the same spelling twice for one customer counts once. */
  add(customer: Customer, name: string): void {
    let spelling = this.spellings.get(name)
    if (!spelling) {
      spelling = { tokens: nameTokens(name), customers: [] }
      this.spellings.set(name, spelling)
    }
    if (!spelling.tokens.length || customer.names.includes(spelling.tokens)) {
      return // one array per spelling, so identity is equality here
    }
    customer.names.push(spelling.tokens)
    spelling.customers.push(customer)
    this.byToken = null
    this.byPair = null
  }

  /** Customers with `token` in one of their names. */
  customersWithToken(token: string): readonly Customer[] {
    let found = this.tokenCustomers.get(token)
    if (!found) {
      found = customersOf((this.byToken ??= this.buildTokens()).get(token))
      this.tokenCustomers.set(token, found)
    }
    return found
  }

  /** Customers with both words of `pair` ("a b", a < b) in one name. */
  customersWithPair(pair: string): readonly Customer[] {
    let found = this.pairCustomers.get(pair)
    if (!found) {
      found = customersOf((this.byPair ??= this.buildPairs()).get(pair))
      this.pairCustomers.set(pair, found)
    }
    return found
  }

  private buildTokens(): Map<string, Spelling | Spelling[]> {
    this.tokenCustomers.clear()
    const map = new Map<string, Spelling | Spelling[]>()
    for (const spelling of this.spellings.values()) {
      if (spelling.customers.length) {
        for (const token of spelling.tokens) {
          post(map, token, spelling)
        }
      }
    }
    return map
  }

  private buildPairs(): Map<string, Spelling | Spelling[]> {
    this.pairCustomers.clear()
    const map = new Map<string, Spelling | Spelling[]>()
    for (const spelling of this.spellings.values()) {
      if (spelling.customers.length) {
        for (const pair of namePairs(spelling.tokens)) {
          post(map, pair, spelling)
        }
      }
    }
    return map
  }
}

function post(map: Map<string, Spelling | Spelling[]>, key: string, spelling: Spelling): void {
  const current = map.get(key)
  if (current === undefined) {
    map.set(key, spelling)
  } else if (Array.isArray(current)) {
    current.push(spelling)
  } else {
    map.set(key, [current, spelling])
  }
}

/** The customers of one or more spellings, each once. */
function customersOf(found: Spelling | Spelling[] | undefined): readonly Customer[] {
  if (found === undefined) {
    return NONE
  }
  if (!Array.isArray(found)) {
    return found.customers
  }
  const all = new Set<Customer>()
  for (const spelling of found) {
    for (const key of spelling.customers) {
      all.add(key)
    }
  }
  return [...all]
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
