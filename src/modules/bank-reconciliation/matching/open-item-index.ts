import { parseCents } from "./amounts"
import { compactReference, isValidRf, looksLikeRf } from "./iso11649"
import { indexCustomer, type NormalisedName } from "./customer-index"
import { PostingMap } from "./posting-lists"
import type { OpenItemInput } from "./types"

export type IndexedItem = {
  orderId: string
  customerKey: string
  currency: string
  outstandingCents: number
  displayId: string | null
  invoiceNumber: string | null
  paymentReference: string | null
  createdAt: string | null
  /** How many open items of the same customer owe exactly this amount (this one included). */
  sameAmountCount: number
}

export type Customer = {
  key: string
  items: number[]
  ibans: Set<string>
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
  byDisplayId: PostingMap<number>
  byIban: PostingMap<string>
  byAmount: PostingMap<number>
  /** Name word → customers whose name has it. */
  byNameToken: Map<string, Set<string>>
  /** Two name words (sorted, space-separated) → customers whose name has both. */
  byNamePair: PostingMap<string>
  /** Every compact payment reference and invoice number, and their length range, for scanning. */
  knownReferences: Set<string>
  referenceLength: { min: number; max: number }
  /** Letter prefixes of the shop's invoice numbers ("INV", "RE"): they label a number. */
  invoicePrefixes: Set<string>
}

/** Key of the amount index: same currency and same cents. */
export function amountKey(currency: string, cents: number): string {
  return `${currency.toUpperCase()}:${cents}`
}

/** A payment reference is indexed only when it is specific enough to trust on sight. */
function trustedPaymentReference(reference: string): string | null {
  const compact = compactReference(reference)
  if (looksLikeRf(compact)) {
    return isValidRf(compact) ? compact : null
  }
  const specific = /[A-Z]/.test(compact) ? compact.length >= 5 : compact.length >= 6
  return specific ? compact : null
}

/** Builds every index; items must already be sorted by orderId so all lists are deterministic. */
export function buildOpenItemIndex(openItems: OpenItemInput[]): OpenItemIndex {
  const index: OpenItemIndex = {
    items: [], customers: new Map(), byPaymentReference: new PostingMap(), byInvoiceCompact: new PostingMap(),
    byInvoiceDigits: new PostingMap(), byDisplayId: new PostingMap(), byIban: new PostingMap(),
    byAmount: new PostingMap(), byNameToken: new Map(), byNamePair: new PostingMap(), invoicePrefixes: new Set(),
    knownReferences: new Set(), referenceLength: { min: Infinity, max: 0 },
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
      customerKey: input.customerId ? `c:${input.customerId}` : `o:${input.orderId}`,
      currency: input.currency.toUpperCase(),
      outstandingCents,
      displayId: input.displayId === null || input.displayId === undefined ? null : String(input.displayId),
      invoiceNumber: input.invoiceNumber || null,
      paymentReference: input.paymentReference || null,
      createdAt: input.createdAt ?? null,
      sameAmountCount: 1,
    }
    index.items.push(item)
    indexReferences(index, item, position)
    indexCustomer(index, item, input, position, nameCache)
    index.byAmount.add(amountKey(item.currency, outstandingCents), position)
  }
  index.customers.forEach((customer) => countSameAmounts(customer, index.items))
  return index
}

function rememberReference(index: OpenItemIndex, compact: string): void {
  index.knownReferences.add(compact)
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
    index.byDisplayId.add(item.displayId.replace(/^0+(?=\d)/, ""), position)
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
