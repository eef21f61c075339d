import { parseCents } from "./amounts"
import { compactReference, isValidCompactRf } from "./iso11649"
import { indexCustomer, NameIndex } from "./customer-index"
import type { NameMatch } from "./names"
import { HASH_START, hashStep, HashedPostings, PostingMap } from "./posting-lists"
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
  /** How many open items of the same customer owe exactly this amount (this one included); 0 until asked (sameAmountCount). */
  sameAmountCount: number
}

export type Customer = {
  key: string
  items: number[]
  /** What each of `items` owes (same order), so amounts are compared without visiting every item. */
  cents: number[]
  /** The currency of all the customer's items; null when they are in more than one. */
  currency: string | null
  ibans: string[]
  names: string[][]
  /** The name as the shop wrote it, for reasons. */
  label: string
}

/** Lookup tables over the open items, built once per run so no transaction scans every order. */
export type OpenItemIndex = {
  items: IndexedItem[]
  customers: Map<string, Customer>
  byPaymentReference: HashedPostings<string>
  byInvoiceCompact: HashedPostings<string>
  byInvoiceDigits: HashedPostings<string>
  byDisplayId: HashedPostings<number>
  byIban: PostingMap<string>
  /** currency → cents → items owing exactly that. */
  byAmount: Map<string, PostingMap<number, number>>
  /** Name word → customers whose name has it; two name words (sorted, space-separated) → customers whose name has both. */
  names: NameIndex
  /** Length range of compact payment references and invoice numbers, to bound scanning. */
  referenceLength: { min: number; max: number }
  /** Letter prefixes of the shop's invoice numbers ("INV", "RE"): they label a number. */
  invoicePrefixes: Set<string>
  /** The prefix added last (most invoice numbers repeat it), to skip building it again. */
  lastPrefix: string
  /** Customers matched by each normalised payer name so far in this run (see party.ts). */
  payerNames: Map<string, { byName: Map<string, NameMatch>; customers: Map<string, Customer>; sortedNameKeys: string[] }>
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
  const items: IndexedItem[] = []
  // The reference tables keep hashes and positions only; a lookup checks the item's own key again.
  const invoiceCompact = (position: number) => compactReference(items[position].invoiceNumber ?? "")
  const index: OpenItemIndex = {
    items, customers: new Map(),
    byPaymentReference: new HashedPostings(openItems.length, (position) => trustedPaymentReference(items[position].paymentReference ?? "")),
    byInvoiceCompact: new HashedPostings(openItems.length, invoiceCompact),
    byInvoiceDigits: new HashedPostings(openItems.length, (position) => invoiceCompact(position).replace(/\D/g, "")),
    byDisplayId: new HashedPostings(openItems.length, (position) => items[position].displayId),
    byIban: new PostingMap(), byAmount: new Map(), names: new NameIndex(), invoicePrefixes: new Set(), lastPrefix: "", payerNames: new Map(),
    referenceLength: { min: Infinity, max: 0 },
  }
  const inputs: OpenItemInput[] = []
  let currencyIn = ""
  let currency = ""
  for (const input of openItems) {
    const outstandingCents = parseCents(input.outstanding) ?? 0
    if (outstandingCents <= 0) {
      continue // nothing left to pay: never a candidate
    }
    if (input.currency !== currencyIn) {
      currencyIn = input.currency
      currency = currencyIn.toUpperCase()
    }
    index.items.push({
      orderId: input.orderId,
      // An order without customer is its own customer; the NUL prefix keeps it apart from real ids.
      customerKey: input.customerId || `\u0000${input.orderId}`,
      currency,
      outstandingCents,
      displayId: input.displayId ?? null,
      invoiceNumber: input.invoiceNumber || null,
      paymentReference: input.paymentReference || null,
      createdAt: input.createdAt ?? null,
      sameAmountCount: 0,
    })
    inputs.push(input)
  }
  for (let position = 0; position < index.items.length; position++) {
    indexReferences(index, index.items[position], position)
  }
  // Loaders hand a customer's orders over together more often than not: the previous item's customer is tried first.
  const previous: { customer: Customer; input: OpenItemInput } = { customer: null!, input: null! }
  for (let position = 0; position < items.length; position++) {
    const item = items[position]
    const same = position > 0 && previous.customer.key === item.customerKey ? previous : null
    previous.customer = indexCustomer(index, item, inputs[position], position, same)
    previous.input = inputs[position]
  }
  for (let position = 0; position < index.items.length; position++) {
    const item = index.items[position]
    let amounts = index.byAmount.get(item.currency)
    if (!amounts) {
      amounts = new PostingMap()
      index.byAmount.set(item.currency, amounts)
    }
    amounts.add(item.outstandingCents, position)
  }
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
  if (item.invoiceNumber && !indexAsciiInvoice(index, item.invoiceNumber, position)) {
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

const isLetter = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
const isDigit = (code: number) => code >= 48 && code <= 57
const isSpace = (code: number) => code === 32 || (code >= 9 && code <= 13)

/**
 * indexReferences for an ASCII invoice number, in one pass over its characters and without
 * building the compact form, its digits or its prefix (unless the prefix is new): the same
 * tables get the same entries. False (nothing done) for other text, which takes the general way.
 */
function indexAsciiInvoice(index: OpenItemIndex, invoice: string, position: number): boolean {
  let compactHash = HASH_START
  let digitsHash = HASH_START
  let compactLength = 0
  let digitCount = 0
  let letters = false
  let prefixLength = 0
  for (let i = 0; i < invoice.length; i++) {
    const code = invoice.charCodeAt(i)
    if (code > 127) {
      return false
    }
    if (isDigit(code)) {
      compactHash = hashStep(compactHash, code)
      digitsHash = hashStep(digitsHash, code)
      compactLength++
      digitCount++
    } else if (isLetter(code)) {
      compactHash = hashStep(compactHash, code >= 97 ? code - 32 : code)
      compactLength++
      letters = true
      if (digitCount === 0) {
        prefixLength++
      }
    }
  }
  if (!digitCount) {
    return true // no digits: neither a compact invoice number, nor digits, nor a prefix
  }
  if (letters && compactLength >= 4) {
    index.byInvoiceCompact.addHash(compactHash, position)
    index.referenceLength.min = Math.min(index.referenceLength.min, compactLength)
    index.referenceLength.max = Math.max(index.referenceLength.max, compactLength)
  }
  if (prefixAndDigitGroups(invoice)) {
    index.byInvoiceDigits.addHash(digitsHash, position)
  }
  if (prefixLength >= 2 && !(index.lastPrefix.length === prefixLength && invoice.startsWith(index.lastPrefix))) {
    index.lastPrefix = compactReference(invoice).slice(0, prefixLength)
    index.invoicePrefixes.add(index.lastPrefix)
  }
  return true
}

/** /^[A-Za-z]*[^A-Za-z0-9]*\d+(?:[^A-Za-z0-9]+\d+)*$/ on the trimmed ASCII text, without a regular expression. */
function prefixAndDigitGroups(text: string): boolean {
  let start = 0
  let end = text.length
  while (start < end && isSpace(text.charCodeAt(start))) {
    start++
  }
  while (end > start && isSpace(text.charCodeAt(end - 1))) {
    end--
  }
  let k = start
  while (k < end && isLetter(text.charCodeAt(k))) {
    k++
  }
  let first = true
  while (first || k < end) {
    while (k < end && !isLetter(text.charCodeAt(k)) && !isDigit(text.charCodeAt(k))) {
      k++
    }
    const digits = k
    while (k < end && isDigit(text.charCodeAt(k))) {
      k++
    }
    if (k === digits) {
      return false // a letter, or the end, where digits must follow
    }
    first = false
  }
  return true
}

/** How many open items of the item's customer owe exactly what it owes (itself included); counted on first use. */
export function sameAmountCount(index: OpenItemIndex, position: number): number {
  const item = index.items[position]
  if (item.sameAmountCount === 0) {
    const others = index.customers.get(item.customerKey)!.items
    let count = 0
    for (const other of others) {
      if (index.items[other].outstandingCents === item.outstandingCents && index.items[other].currency === item.currency) {
        count++
      }
    }
    item.sameAmountCount = count
  }
  return item.sameAmountCount
}
