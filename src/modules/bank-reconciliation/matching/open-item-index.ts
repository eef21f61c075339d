import { parseCents } from "./amounts"
import { compactReference, isValidCompactRf } from "./iso11649"
import { indexCustomer, type NormalisedName } from "./customer-index"
import { PostingMap } from "./posting-lists"
import type { OpenItemInput } from "./types"

export type IndexedItem = {
  orderId: string
  customerKey: string
  currency: string
  outstandingCents: number
  displayId: number | null
  invoiceNumber: string | null
  paymentReference: string | null
  createdAt: string | null
  /** How many open items of the same customer owe exactly this amount (this one included). */
  sameAmountCount: number
}

export type Customer = {
  key: string
  items: number[]
  ibans: string[]
  names: string[][]
  /** The name as the shop wrote it, for reasons. */
  label: string
}

/** Lookup tables over the open items, built once per run so no transaction scans every order. */
export type OpenItemIndex = {
  items: IndexedItem[]
  customers: Map<string, Customer>
  byPaymentReference: PostingMap<number>
  byInvoiceCompact: PostingMap<number>
  byInvoiceDigits: PostingMap<number>
  byDisplayId: PostingMap<number, number>
  byIban: PostingMap<string>
  /** currency → cents → items owing exactly that. */
  byAmount: Map<string, PostingMap<number, number>>
  /** Name word → customers whose name has it. */
  byNameToken: PostingMap<string>
  /** Two name words (sorted, space-separated) → customers whose name has both. */
  byNamePair: PostingMap<string>
  /** Length range of compact payment references and invoice numbers, to bound scanning. */
  referenceLength: { min: number; max: number }
  /** Letter prefixes of the shop's invoice numbers ("INV", "RE"): they label a number. */
  invoicePrefixes: Set<string>
}

/** Open items of `currency` that owe exactly `cents`. */
export function itemsOwing(index: OpenItemIndex, currency: string, cents: number): readonly number[] {
  return index.byAmount.get(currency)?.get(cents) ?? []
}

/** How many open items of `currency` owe exactly `cents`, without allocating. */
export function countOwing(index: OpenItemIndex, currency: string, cents: number): number {
  return index.byAmount.get(currency)?.count(cents) ?? 0
}

/** A payment reference is indexed only when it is specific enough to trust on sight. */
function trustedPaymentReference(reference: string): string | null {
  const compact = compactReference(reference)
  if (compact.startsWith("RF") && /^RF\d{2}/.test(compact)) {
    return isValidCompactRf(compact) ? compact : null
  }
  const specific = /[A-Z]/.test(compact) ? compact.length >= 5 : compact.length >= 6
  return specific ? compact : null
}

/** Builds every index; items must already be sorted by orderId so all lists are deterministic. */
export function buildOpenItemIndex(openItems: OpenItemInput[]): OpenItemIndex {
  const index: OpenItemIndex = {
    items: [], customers: new Map(), byPaymentReference: new PostingMap(), byInvoiceCompact: new PostingMap(),
    byInvoiceDigits: new PostingMap(), byDisplayId: new PostingMap(), byIban: new PostingMap(),
    byAmount: new Map(), byNameToken: new PostingMap(), byNamePair: new PostingMap(), invoicePrefixes: new Set(),
    referenceLength: { min: Infinity, max: 0 },
  }
  const nameCache = new Map<string, NormalisedName>()
  for (const input of openItems) {
    const outstandingCents = parseCents(input.outstanding) ?? 0
    if (outstandingCents <= 0) {
      continue // nothing left to pay: never a candidate
    }
    const position = index.items.length
    const item: IndexedItem = {
      orderId: input.orderId,
      // An order without customer is its own customer; the NUL prefix keeps it apart from real ids.
      customerKey: input.customerId || `\u0000${input.orderId}`,
      currency: input.currency.toUpperCase(),
      outstandingCents,
      displayId: input.displayId ?? null,
      invoiceNumber: input.invoiceNumber || null,
      paymentReference: input.paymentReference || null,
      createdAt: input.createdAt ?? null,
      sameAmountCount: 1,
    }
    index.items.push(item)
    indexReferences(index, item, position)
    indexCustomer(index, item, input, position, nameCache)
    let amounts = index.byAmount.get(item.currency)
    if (!amounts) {
      amounts = new PostingMap()
      index.byAmount.set(item.currency, amounts)
    }
    amounts.add(outstandingCents, position)
  }
  index.customers.forEach((customer) => countSameAmounts(customer, index.items))
  return index
}

function rememberReference(index: OpenItemIndex, compact: string): void {
  index.referenceLength.min = Math.min(index.referenceLength.min, compact.length)
  index.referenceLength.max = Math.max(index.referenceLength.max, compact.length)
}

function indexReferences(index: OpenItemIndex, item: IndexedItem, position: number): void {
  if (item.paymentReference) {
    const compact = trustedPaymentReference(item.paymentReference)
    if (compact) {
      index.byPaymentReference.add(compact, position)
      rememberReference(index, compact)
    }
  }
  if (item.invoiceNumber) {
    const compact = compactReference(item.invoiceNumber)
    const digits = compact.replace(/\D/g, "")
    if (/[A-Z]/.test(compact) && digits && compact.length >= 4) {
      index.byInvoiceCompact.add(compact, position)
      rememberReference(index, compact)
    }
    // Only "prefix + digit groups" numbers: digits pulled out of mixed text are digit soup.
    if (digits && /^[A-Za-z]*[^A-Za-z0-9]*\d+(?:[^A-Za-z0-9]+\d+)*$/.test(item.invoiceNumber.trim())) {
      index.byInvoiceDigits.add(digits, position)
    }
    const prefix = /^([A-Z]{2,})/.exec(compact)
    if (prefix && digits) {
      index.invoicePrefixes.add(prefix[1])
    }
  }
  if (item.displayId !== null) {
    index.byDisplayId.add(item.displayId, position)
  }
}

function countSameAmounts(customer: Customer, items: IndexedItem[]): void {
  if (customer.items.length < 2) {
    return
  }
  for (const position of customer.items) {
    const item = items[position]
    item.sameAmountCount = customer.items.filter((other) => items[other].outstandingCents === item.outstandingCents && items[other].currency === item.currency).length
  }
}
