import { compactReference, isValidCompactRf, mod97 } from "./iso11649"
import type { OpenItemIndex } from "./open-item-index"
import { HASH_START, hashStep } from "./posting-lists"
import type { OpenItemInput } from "./types"

/** A payment reference is indexed only when it is specific enough to trust on sight. */
export function trustedPaymentReference(reference: string): string | null {
  const compact = compactReference(reference)
  if (compact.startsWith("RF") && /^RF\d{2}/.test(compact)) {
    return isValidCompactRf(compact) ? compact : null
  }
  const specific = /[A-Z]/.test(compact) ? compact.length >= 5 : compact.length >= 6
  return specific ? compact : null
}

/** The item's invoice number compacted ("" without one): the key of byInvoiceCompact. */
export function invoiceCompactOf(input: OpenItemInput): string {
  return compactReference(input.invoiceNumber || "")
}

function rememberReference(index: OpenItemIndex, compact: string): void {
  index.referenceLength.min = Math.min(index.referenceLength.min, compact.length)
  index.referenceLength.max = Math.max(index.referenceLength.max, compact.length)
}

/** Adds the item's payment reference, invoice number and order number to the index's tables. */
export function indexReferences(index: OpenItemIndex, item: OpenItemInput, position: number): void {
  if (item.paymentReference && !indexCompactReference(index, item.paymentReference, position)) {
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
  if (item.displayId !== null && item.displayId !== undefined) {
    index.byDisplayId.add(item.displayId, position)
  }
}

/**
 * indexReferences for a payment reference already in compact form (A–Z, 0–9 only: the usual
 * case), in one pass and without regular expressions: trusted exactly when
 * trustedPaymentReference says so. False (nothing done) for other text.
 */
function indexCompactReference(index: OpenItemIndex, reference: string, position: number): boolean {
  let hash = HASH_START
  let letters = false
  for (let i = 0; i < reference.length; i++) {
    const code = reference.charCodeAt(i)
    if (code >= 65 && code <= 90) {
      letters = true
    } else if (!isDigit(code)) {
      return false
    }
    hash = hashStep(hash, code)
  }
  const length = reference.length
  const rfShaped = length >= 4 && reference.charCodeAt(0) === 82 && reference.charCodeAt(1) === 70 &&
    isDigit(reference.charCodeAt(2)) && isDigit(reference.charCodeAt(3))
  // An RF reference counts only with valid check digits (/^RF\d{2}[A-Z0-9]{1,21}$/ and mod 97); other text when specific enough.
  const trusted = rfShaped ? length >= 5 && length <= 25 && mod97(reference, 4) === 1 : letters ? length >= 5 : length >= 6
  if (trusted) {
    index.byPaymentReference.addHash(hash, position)
    index.referenceLength.min = Math.min(index.referenceLength.min, length)
    index.referenceLength.max = Math.max(index.referenceLength.max, length)
  }
  return true
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
