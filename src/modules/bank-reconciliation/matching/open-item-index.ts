import { parseCents } from "./amounts"
import { NameIndex, normalizeIban, sameStrings } from "./customer-index"
import { indexReferences, invoiceCompactOf, trustedPaymentReference } from "./item-references"
import type { NameMatches } from "./names"
import { HashedPostings } from "./posting-lists"
import type { OpenItemInput } from "./types"

/**
 * What the run's payments can look up by IBAN and by amount: only these are indexed (a payer
 * IBAN or an amount no payment has is never asked for). null: index everything.
 */
export type Wanted = WantedKeys | null

/** (A class rather than an object literal, for the reason given at OpenItemIndex.) */
export class WantedKeys {
  constructor(readonly ibans: ReadonlySet<string>, readonly amounts: ReadonlyMap<string, ReadonlySet<number>>) {}
}

/** Length range of compact payment references and invoice numbers (a class: see OpenItemIndex). */
export class LengthRange {
  min = Infinity
  max = 0
}

/**
 * Lookup tables over the open items, built once per run so no transaction scans every order.
 * An item is a position (0 … inputs.length − 1); a customer is an id (0 … customerCount − 1).
 * Per item and per customer facts sit in typed arrays, not in one object each: 100 000 open items
 * cost a few flat arrays, which the garbage collector neither copies nor walks.
 *
 * A class, not an object literal: an object literal evaluated once per run gets its boilerplate
 * on its second evaluation, which widens the types V8 recorded for its fields (Float64Array, Map,
 * …) to "any" and throws away all optimised code that relied on them (~30 functions at the start
 * of the second run in a process). A constructor stores the same types in the same order every run.
 */
export class OpenItemIndex {
  /** What each of customerItems owes (same order), so amounts are compared without visiting the items. */
  readonly customerCents: Float64Array
  /** How many items of the item's customer owe exactly what it owes (itself included); 0 until asked. */
  readonly sameAmount: Int32Array
  readonly byPaymentReference: HashedPostings<string>
  readonly byInvoiceCompact: HashedPostings<string>
  readonly byInvoiceDigits: HashedPostings<string>
  readonly byDisplayId: HashedPostings<number>
  /** Normalised IBAN → customer ids (each once). */
  readonly byIban = new Map<string, number[]>()
  /** currency → cents → items owing exactly that (ascending). */
  readonly byAmount = new Map<string, Map<number, number[]>>()
  /** Length range of compact payment references and invoice numbers, to bound scanning. */
  readonly referenceLength = new LengthRange()
  /** Letter prefixes of the shop's invoice numbers ("INV", "RE"): they label a number. */
  readonly invoicePrefixes = new Set<string>()
  /** The prefix added last (most invoice numbers repeat it), to skip building it again. */
  lastPrefix = ""
  /** Customers matched by each normalised payer name so far in this run (see party.ts). */
  readonly payerNames = new Map<string, NameMatches>()
  /** The same by candidate limit and the payer name's raw text. */
  readonly payerNamesRaw = new Map<number, Map<string, NameMatches>>()

  constructor(
    /** The open items (outstanding > 0) as given, sorted by orderId. */
    readonly inputs: OpenItemInput[],
    /** What each item owes, in cents. */
    readonly cents: Float64Array,
    /** Each item's currency (upper case) as an index into `currencies`. */
    readonly currencyIds: Int32Array,
    readonly currencies: string[],
    /** Each item's customer id; an order without customer is a customer of its own. */
    readonly customerOf: Int32Array,
    readonly customerCount: number,
    /** Customer c's items are customerItems[customerStart[c] … customerStart[c + 1] − 1], ascending. */
    readonly customerStart: Int32Array,
    readonly customerItems: Int32Array,
    /** The currency id of all a customer's items; −1 when they are in more than one. */
    readonly customerCurrency: Int32Array,
    /** Name words and pairs of words → customer ids. */
    readonly names: NameIndex
  ) {
    const count = inputs.length
    this.customerCents = new Float64Array(count)
    for (let at = 0; at < count; at++) {
      this.customerCents[at] = cents[customerItems[at]]
    }
    this.sameAmount = new Int32Array(count)
    // The reference tables keep hashes and positions only; a lookup checks the item's own key again.
    this.byPaymentReference = new HashedPostings(count, (position) => trustedPaymentReference(inputs[position].paymentReference || ""))
    this.byInvoiceCompact = new HashedPostings(count, (position) => invoiceCompactOf(inputs[position]))
    this.byInvoiceDigits = new HashedPostings(count, (position) => invoiceCompactOf(inputs[position]).replace(/\D/g, ""))
    this.byDisplayId = new HashedPostings(count, (position) => inputs[position].displayId ?? null)
  }
}

const NO_POSITIONS: readonly number[] = Object.freeze([])

export const orderIdOf = (index: OpenItemIndex, position: number): string => index.inputs[position].orderId
export const displayIdOf = (index: OpenItemIndex, position: number): number | null => index.inputs[position].displayId ?? null
export const invoiceNumberOf = (index: OpenItemIndex, position: number): string | null => index.inputs[position].invoiceNumber || null
export const paymentReferenceOf = (index: OpenItemIndex, position: number): string | null => index.inputs[position].paymentReference || null
export const createdAtOf = (index: OpenItemIndex, position: number): string | null => index.inputs[position].createdAt ?? null
export const currencyOf = (index: OpenItemIndex, position: number): string => index.currencies[index.currencyIds[position]]

/** The name of customer `customer` as the shop wrote it (company first), for reasons. */
export function labelOf(index: OpenItemIndex, customer: number): string {
  const input = index.inputs[index.customerItems[index.customerStart[customer]]]
  return input.companyName || input.customerName || input.customerId || input.orderId
}

/** Open items of `currency` that owe exactly `cents` (only amounts some payment has are indexed). */
export function itemsOwing(index: OpenItemIndex, currency: string, cents: number): readonly number[] {
  return index.byAmount.get(currency)?.get(cents) ?? NO_POSITIONS
}

/** How many open items of `currency` owe exactly `cents`, without allocating. */
export function countOwing(index: OpenItemIndex, currency: string, cents: number): number {
  return index.byAmount.get(currency)?.get(cents)?.length ?? 0
}

/** Builds every index; items must already be sorted by orderId so all lists are deterministic. */
export function buildOpenItemIndex(openItems: OpenItemInput[], wanted: Wanted = null): OpenItemIndex {
  const total = openItems.length
  const inputs: OpenItemInput[] = []
  const cents = new Float64Array(total)
  const currencyIds = new Int32Array(total)
  const customerOf = new Int32Array(total)
  const customerCurrency = new Int32Array(total)
  const currencies: string[] = []
  const currencyIdsByText = new Map<string, number>()
  const customerIds = new Map<string, number>()
  let customerCount = 0
  let lastCurrencyText: string | null = null
  let lastCurrency = -1
  let lastCustomerKey = ""
  let lastCustomer = -1
  for (let i = 0; i < total; i++) {
    const input = openItems[i]
    const owed = parseCents(input.outstanding) ?? 0
    if (owed <= 0) {
      continue // nothing left to pay: never a candidate
    }
    const position = inputs.length
    inputs.push(input)
    cents[position] = owed
    if (input.currency !== lastCurrencyText) {
      lastCurrencyText = input.currency
      lastCurrency = currencyId(input.currency, currencies, currencyIdsByText)
    }
    currencyIds[position] = lastCurrency
    const key = input.customerId
    let customer: number
    if (!key) {
      customer = customerCount++ // an order without customer is its own customer
      customerCurrency[customer] = lastCurrency
    } else if (key === lastCustomerKey) {
      customer = lastCustomer // loaders hand a customer's orders over together more often than not
    } else {
      const known = customerIds.get(key)
      if (known === undefined) {
        customer = customerCount++
        customerIds.set(key, customer)
        customerCurrency[customer] = lastCurrency
      } else {
        customer = known
      }
      lastCustomerKey = key
      lastCustomer = customer
    }
    customerOf[position] = customer
    if (customerCurrency[customer] !== lastCurrency) {
      customerCurrency[customer] = -1
    }
  }
  const count = inputs.length
  const customerStart = new Int32Array(customerCount + 1)
  const customerItems = new Int32Array(count)
  groupCustomers(customerOf, customerCount, customerStart, customerItems)
  const names = new NameIndex(inputs, customerCount, customerStart, customerItems)
  const index = new OpenItemIndex(
    inputs, cents.subarray(0, count), currencyIds.subarray(0, count), currencies, customerOf.subarray(0, count), customerCount,
    customerStart, customerItems, customerCurrency.subarray(0, customerCount), names
  )
  for (let position = 0; position < count; position++) {
    indexReferences(index, inputs[position], position)
  }
  indexIbans(index, wanted)
  indexAmounts(index, wanted)
  return index
}

function currencyId(text: string, currencies: string[], byText: Map<string, number>): number {
  let id = byText.get(text)
  if (id === undefined) {
    const upper = text.toUpperCase()
    id = currencies.indexOf(upper)
    if (id < 0) {
      id = currencies.push(upper) - 1
    }
    byText.set(text, id)
  }
  return id
}

/** Fills customerStart / customerItems (a counting sort of the items by customer). */
function groupCustomers(customerOf: Int32Array, customerCount: number, customerStart: Int32Array, customerItems: Int32Array): void {
  const count = customerItems.length
  for (let position = 0; position < count; position++) {
    customerStart[customerOf[position] + 1]++
  }
  for (let customer = 0; customer < customerCount; customer++) {
    customerStart[customer + 1] += customerStart[customer]
  }
  const next = customerStart.slice(0, customerCount)
  for (let position = 0; position < count; position++) {
    customerItems[next[customerOf[position]]++] = position
  }
}

/** byIban: each known IBAN some payment comes from → the customers it is on file for. */
function indexIbans(index: OpenItemIndex, wanted: Wanted): void {
  if (wanted && wanted.ibans.size === 0) {
    return
  }
  let previous: readonly string[] | null | undefined = null
  let previousCustomer = -1
  for (let position = 0; position < index.inputs.length; position++) {
    const ibans = index.inputs[position].knownIbans
    const customer = index.customerOf[position]
    if (!ibans || !ibans.length || (customer === previousCustomer && sameStrings(ibans, previous))) {
      continue // the same IBANs as the customer's previous order
    }
    previous = ibans
    previousCustomer = customer
    for (let i = 0; i < ibans.length; i++) {
      const iban = normalizeIban(ibans[i])
      if (!iban || (wanted && !wanted.ibans.has(iban))) {
        continue
      }
      const customers = index.byIban.get(iban)
      if (!customers) {
        index.byIban.set(iban, [customer])
      } else if (!customers.includes(customer)) {
        customers.push(customer)
      }
    }
  }
}

/** byAmount: the items owing each amount some payment has (all amounts when nothing is wanted). */
function indexAmounts(index: OpenItemIndex, wanted: Wanted): void {
  const tables: Map<number, number[]>[] = []
  const wantedAmounts: (ReadonlySet<number> | null)[] = []
  for (const currency of index.currencies) {
    const amounts = new Map<number, number[]>()
    index.byAmount.set(currency, amounts)
    tables.push(amounts)
    wantedAmounts.push(wanted ? wanted.amounts.get(currency) ?? NO_AMOUNTS : null)
  }
  for (let position = 0; position < index.inputs.length; position++) {
    const owed = index.cents[position]
    const currency = index.currencyIds[position]
    const only = wantedAmounts[currency]
    if (only && !only.has(owed)) {
      continue
    }
    const table = tables[currency]
    const positions = table.get(owed)
    if (positions) {
      positions.push(position)
    } else {
      table.set(owed, [position])
    }
  }
}

const NO_AMOUNTS: ReadonlySet<number> = new Set()

/** How many open items of the item's customer owe exactly what it owes (itself included); counted on first use. */
export function sameAmountCount(index: OpenItemIndex, position: number): number {
  if (index.sameAmount[position] === 0) {
    const customer = index.customerOf[position]
    const owed = index.cents[position]
    const currency = index.currencyIds[position]
    let count = 0
    for (let at = index.customerStart[customer]; at < index.customerStart[customer + 1]; at++) {
      if (index.customerCents[at] === owed && index.currencyIds[index.customerItems[at]] === currency) {
        count++
      }
    }
    index.sameAmount[position] = count
  }
  return index.sameAmount[position]
}
