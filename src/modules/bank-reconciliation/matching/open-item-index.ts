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
export type Wanted = { ibans: ReadonlySet<string>; amounts: ReadonlyMap<string, ReadonlySet<number>> } | null

/**
 * Lookup tables over the open items, built once per run so no transaction scans every order.
 * An item is a position (0 … inputs.length − 1); a customer is an id (0 … customerCount − 1).
 * Per item and per customer facts sit in typed arrays, not in one object each: 100 000 open items
 * cost a few flat arrays, which the garbage collector neither copies nor walks.
 */
export type OpenItemIndex = {
  /** The open items (outstanding > 0) as given, sorted by orderId. */
  inputs: OpenItemInput[]
  /** What each item owes, in cents. */
  cents: Float64Array
  /** Each item's currency (upper case) as an index into `currencies`. */
  currencyIds: Int32Array
  currencies: string[]
  /** Each item's customer id; an order without customer is a customer of its own. */
  customerOf: Int32Array
  customerCount: number
  /** Customer c's items are customerItems[customerStart[c] … customerStart[c + 1] − 1], ascending. */
  customerStart: Int32Array
  customerItems: Int32Array
  /** What each of customerItems owes (same order), so amounts are compared without visiting the items. */
  customerCents: Float64Array
  /** The currency id of all a customer's items; −1 when they are in more than one. */
  customerCurrency: Int32Array
  /** How many items of the item's customer owe exactly what it owes (itself included); 0 until asked. */
  sameAmount: Int32Array
  byPaymentReference: HashedPostings<string>
  byInvoiceCompact: HashedPostings<string>
  byInvoiceDigits: HashedPostings<string>
  byDisplayId: HashedPostings<number>
  /** Normalised IBAN → customer ids (each once). */
  byIban: Map<string, number[]>
  /** currency → cents → items owing exactly that (ascending). */
  byAmount: Map<string, Map<number, number[]>>
  /** Name words and pairs of words → customer ids. */
  names: NameIndex
  /** Length range of compact payment references and invoice numbers, to bound scanning. */
  referenceLength: { min: number; max: number }
  /** Letter prefixes of the shop's invoice numbers ("INV", "RE"): they label a number. */
  invoicePrefixes: Set<string>
  /** The prefix added last (most invoice numbers repeat it), to skip building it again. */
  lastPrefix: string
  /** Customers matched by each normalised payer name so far in this run (see party.ts). */
  payerNames: Map<string, NameMatches>
  /** The same by candidate limit and the payer name's raw text. */
  payerNamesRaw: Map<number, Map<string, NameMatches>>
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
  const index: OpenItemIndex = {
    inputs, cents: cents.subarray(0, count), currencyIds: currencyIds.subarray(0, count), currencies,
    customerOf: customerOf.subarray(0, count), customerCount,
    customerStart: new Int32Array(customerCount + 1), customerItems: new Int32Array(count), customerCents: new Float64Array(count),
    customerCurrency: customerCurrency.subarray(0, customerCount), sameAmount: new Int32Array(count),
    // The reference tables keep hashes and positions only; a lookup checks the item's own key again.
    byPaymentReference: new HashedPostings(count, (position) => trustedPaymentReference(inputs[position].paymentReference || "")),
    byInvoiceCompact: new HashedPostings(count, (position) => invoiceCompactOf(inputs[position])),
    byInvoiceDigits: new HashedPostings(count, (position) => invoiceCompactOf(inputs[position]).replace(/\D/g, "")),
    byDisplayId: new HashedPostings(count, (position) => inputs[position].displayId ?? null),
    byIban: new Map(), byAmount: new Map(), names: null!, invoicePrefixes: new Set(), lastPrefix: "", payerNames: new Map(), payerNamesRaw: new Map(),
    referenceLength: { min: Infinity, max: 0 },
  }
  groupCustomers(index)
  for (let position = 0; position < count; position++) {
    indexReferences(index, inputs[position], position)
  }
  index.names = new NameIndex(index)
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

/** Fills customerStart / customerItems / customerCents (a counting sort of the items by customer). */
function groupCustomers(index: OpenItemIndex): void {
  const { customerOf, customerStart, customerItems, customerCents, cents } = index
  for (let position = 0; position < customerOf.length; position++) {
    customerStart[customerOf[position] + 1]++
  }
  for (let customer = 0; customer < index.customerCount; customer++) {
    customerStart[customer + 1] += customerStart[customer]
  }
  const next = customerStart.slice(0, index.customerCount)
  for (let position = 0; position < customerOf.length; position++) {
    const at = next[customerOf[position]]++
    customerItems[at] = position
    customerCents[at] = cents[position]
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
  const byCurrency = index.currencies.map((currency) => {
    const amounts = new Map<number, number[]>()
    index.byAmount.set(currency, amounts)
    return { amounts, wanted: wanted ? wanted.amounts.get(currency) ?? new Set<number>() : null }
  })
  for (let position = 0; position < index.inputs.length; position++) {
    const owed = index.cents[position]
    const table = byCurrency[index.currencyIds[position]]
    if (table.wanted && !table.wanted.has(owed)) {
      continue
    }
    const positions = table.amounts.get(owed)
    if (positions) {
      positions.push(position)
    } else {
      table.amounts.set(owed, [position])
    }
  }
}

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
