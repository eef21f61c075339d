import { nameTokens } from "./names"
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

export function sameStrings(a: readonly string[], b: readonly string[] | null | undefined): boolean {
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

/** One spelling of a name, normalised once; the customers who have it; itself as a one-name list. */
type Spelling = { tokens: string[]; customers: number[]; alone: readonly string[][] }

const NONE: readonly number[] = Object.freeze([])
const NO_NAMES: readonly string[][] = Object.freeze([])

/**
 * A customer's names (the customer name, the company name and the aliases the operator taught,
 * of all their orders, each distinct spelling once, in order) and name word → customers, name-word
 * pair → customers. Names repeat across a customer's orders and between namesakes, so each
 * spelling is normalised once and remembers its customers; the word and pair lists are built from
 * the spellings (thousands, not one per order) when first asked, and each list of customers is
 * put together on first use. A customer appears once per list however many names share the word.
 */
export class NameIndex {
  private readonly spellings: Spelling[] = []
  /** customer → the spelling of their only name; −1 without a name, −2 with several (see `several`). */
  private readonly only: Int32Array
  private readonly several = new Map<number, string[][]>()
  private byToken: Map<string, number | number[]> | null = null
  private byPair: Map<string, number | number[]> | null = null
  private readonly tokenCustomers = new Map<string, readonly number[]>()
  private readonly pairCustomers = new Map<string, readonly number[]>()

  /** `inputs` sorted by orderId; customer c's items are customerItems[customerStart[c] … customerStart[c + 1] − 1]. */
  constructor(inputs: readonly OpenItemInput[], customerCount: number, customerStart: Int32Array, customerItems: Int32Array) {
    const ids = new Map<string, number>()
    const spellingOf = (name: string): number => {
      let id = ids.get(name)
      if (id === undefined) {
        const tokens = nameTokens(name)
        id = this.spellings.push({ tokens, customers: [], alone: [tokens] }) - 1
        ids.set(name, id)
      }
      return id
    }
    const personal = new Int32Array(inputs.length)
    const company = new Int32Array(inputs.length)
    const aliases = new Map<number, number[]>()
    let lastName = ""
    let lastId = -1
    for (let position = 0; position < inputs.length; position++) {
      const input = inputs[position]
      const name = input.customerName
      if (name && name !== lastName) {
        lastName = name
        lastId = spellingOf(name)
      }
      personal[position] = name ? lastId : -1
      company[position] = input.companyName ? spellingOf(input.companyName) : -1
      if (input.aliases?.length) {
        aliases.set(position, input.aliases.filter(Boolean).map(spellingOf))
      }
    }
    this.only = new Int32Array(customerCount)
    const found: number[] = []
    const note = (spelling: number) => {
      if (spelling >= 0 && this.spellings[spelling].tokens.length && !found.includes(spelling)) {
        found.push(spelling)
      }
    }
    const named = (spelling: number) => spelling >= 0 && this.spellings[spelling].tokens.length > 0
    for (let customer = 0; customer < customerCount; customer++) {
      const from = customerStart[customer]
      if (customerStart[customer + 1] === from + 1 && aliases.size === 0) {
        // One order, no aliases (most customers): its name and, when it differs, its company name.
        const position = customerItems[from]
        const one = named(personal[position]) ? personal[position] : -1
        const two = named(company[position]) && company[position] !== one ? company[position] : -1
        if (one < 0 || two < 0) {
          const only = one >= 0 ? one : two
          this.only[customer] = only
          if (only >= 0) {
            this.spellings[only].customers.push(customer)
          }
          continue
        }
      }
      found.length = 0
      for (let at = from; at < customerStart[customer + 1]; at++) {
        const position = customerItems[at]
        note(personal[position])
        note(company[position])
        aliases.get(position)?.forEach(note)
      }
      this.only[customer] = found.length === 0 ? -1 : found.length === 1 ? found[0] : -2
      if (found.length > 1) {
        this.several.set(customer, found.map((spelling) => this.spellings[spelling].tokens))
      }
      for (const spelling of found) {
        this.spellings[spelling].customers.push(customer)
      }
    }
  }

  /** The customer's names as word lists (one list per spelling), in the order their orders give them. */
  namesOf(customer: number): readonly string[][] {
    const only = this.only[customer]
    return only >= 0 ? this.spellings[only].alone : only === -1 ? NO_NAMES : this.several.get(customer)!
  }

  /** The spelling of the customer's only name (shared by namesakes), or −1 when they have none or several. */
  onlySpelling(customer: number): number {
    return this.only[customer] >= 0 ? this.only[customer] : -1
  }

  /**
   * Builds the word and pair lists now instead of on first use. Called before the payments are
   * matched: a branch taken only on the first call of a run is never seen by V8 with feedback (the
   * first calls run before a function has its feedback vector), and taking it in the next run
   * throws away the optimised caller (nameCandidates with all it inlined).
   */
  prepareLookups(): void {
    this.byToken ??= this.buildLists((tokens) => tokens)
    this.byPair ??= this.buildLists(namePairs)
  }

  /** Customers with `token` in one of their names. */
  customersWithToken(token: string): readonly number[] {
    let found = this.tokenCustomers.get(token)
    if (!found) {
      found = this.customersOf((this.byToken ??= this.buildLists((tokens) => tokens)).get(token))
      this.tokenCustomers.set(token, found)
    }
    return found
  }

  /** Customers with both words of `pair` ("a b", a < b) in one name. */
  customersWithPair(pair: string): readonly number[] {
    let found = this.pairCustomers.get(pair)
    if (!found) {
      found = this.customersOf((this.byPair ??= this.buildLists(namePairs)).get(pair))
      this.pairCustomers.set(pair, found)
    }
    return found
  }

  private buildLists(keysOf: (tokens: string[]) => string[]): Map<string, number | number[]> {
    const map = new Map<string, number | number[]>()
    this.spellings.forEach((spelling, id) => {
      if (spelling.customers.length) {
        for (const key of keysOf(spelling.tokens)) {
          const current = map.get(key)
          if (current === undefined) {
            map.set(key, id)
          } else if (Array.isArray(current)) {
            current.push(id)
          } else {
            map.set(key, [current, id])
          }
        }
      }
    })
    return map
  }

  /** The customers of one or more spellings, each once. */
  private customersOf(found: number | number[] | undefined): readonly number[] {
    if (found === undefined) {
      return NONE
    }
    if (!Array.isArray(found)) {
      return this.spellings[found].customers
    }
    const all = new Set<number>()
    for (const spelling of found) {
      for (const customer of this.spellings[spelling].customers) {
        all.add(customer)
      }
    }
    return [...all]
  }
}

/** Every unordered pair of distinct name words, as "a b" with a < b (bounded: first 6 words). */
export function namePairs(tokens: string[]): string[] {
  // The distinct words among the first six, sorted (an insertion sort: a name has few words).
  const words: string[] = []
  for (let i = 0; i < tokens.length && i < 6; i++) {
    const word = tokens[i]
    if (!words.includes(word)) {
      let at = words.length
      words.push(word)
      for (; at > 0 && words[at - 1] > word; at--) {
        words[at] = words[at - 1]
      }
      words[at] = word
    }
  }
  const pairs: string[] = []
  for (let i = 0; i < words.length; i++) {
    for (let j = i + 1; j < words.length; j++) {
      pairs.push(`${words[i]} ${words[j]}`)
    }
  }
  return pairs
}
