import { compactReference } from "./iso11649"
import { displayIdOf, invoiceNumberOf, paymentReferenceOf, type OpenItemIndex } from "./open-item-index"
import type { PurposeScan, TokenSpan } from "./reference-mentions"
import type { MatchOptions, ReasonParams, Signal } from "./types"

/** trusted: decisive with a consistent amount; bare: needs payer and exact amount too; weak: never decisive. */
export type Strength = "trusted" | "bare" | "weak"

export type ReferenceHit = {
  signal: Signal
  strength: Strength
  weight: number
  detail: string
  code: string
  params: ReasonParams
  /** One of a list of numbers ("1042 1057", "1042/1057"): trusted only where the payment is their exact sum. */
  listed?: boolean
  /** Weak only because of its shape (five digits like a postal code, a year): a payer and an exact amount can confirm it. */
  shapeOnly?: boolean
  /** An RF reference whose ISO 11649 check digits verified: a typo cannot produce another order's. */
  verified?: boolean
}

/** The best reference evidence per item (by item position in the index). */
export type ReferenceHits = Map<number, ReferenceHit>

export const WEIGHTS = { reference: 0.95, invoiceCompact: 0.92, labelled: 0.88, bare: 0.6, weak: 0.15 }

function offer(hits: ReferenceHits, position: number, hit: ReferenceHit): void {
  const known = hits.get(position)
  if (!known || hit.weight > known.weight) {
    hits.set(position, hit)
  }
}

function where(source: "purpose" | "end_to_end"): string {
  return source === "end_to_end" ? "end-to-end reference" : "purpose"
}

/** Finds the items a transaction's references point at, each with how far that can be trusted. */
export function findReferenceHits(scan: PurposeScan, purpose: string, amountCents: number, index: OpenItemIndex, options: MatchOptions): ReferenceHits {
  const hits: ReferenceHits = new Map()
  // Tokens that form a whole reference ("RE 2026 007260") are not read again as loose numbers.
  const consumed: TokenSpan[] = []
  for (const mention of scan.compacts) {
    if (mention.rf && !mention.rfValid) {
      continue // a mistyped RF fails mod 97: the text is not evidence of anything
    }
    const byReference = index.byPaymentReference.get(mention.compact)
    const byInvoice = index.byInvoiceCompact.get(mention.compact)
    if (byReference.length || byInvoice.length) {
      consumed.push(mention.span)
    }
    const signal: Signal = mention.source === "end_to_end" ? "end_to_end_reference" : "payment_reference"
    for (const position of byReference) {
      const reference = paymentReferenceOf(index, position)
      const detail = `'${mention.raw}' in ${where(mention.source)} matches payment reference ${reference}`
      const params = { text: mention.raw, where: mention.source, reference }
      offer(hits, position, { signal, strength: "trusted", weight: WEIGHTS.reference, detail, code: "reference_match", params, verified: mention.rfValid })
    }
    for (const position of byInvoice) {
      const invoice = invoiceNumberOf(index, position)
      const detail = `'${mention.raw}' in ${where(mention.source)} matches invoice ${invoice}`
      const params = { text: mention.raw, where: mention.source, invoice, quality: "whole" }
      offer(hits, position, { signal: "invoice_number", strength: "trusted", weight: WEIGHTS.invoiceCompact, detail, code: "invoice_match", params })
    }
  }
  const wholeEuros = amountCents % 100 === 0 ? String(amountCents / 100) : null
  const found: number[] = [] // mentions (by position in scan.numbers) that named some item
  for (let at = 0; at < scan.numbers.length; at++) {
    const mention = scan.numbers[at]
    if (isConsumed(consumed, mention.span.segment, mention.span.from) || isConsumed(consumed, mention.span.segment, mention.span.to)) {
      continue
    }
    if (mention.partOf !== undefined && found.includes(mention.partOf)) {
      continue // "2026/1042" named an invoice as a whole: its parts are not orders of their own
    }
    const short = mention.digits.length < options.minBareNumberLength
    const looksLikeAmount = wholeEuros !== null && sameNumber(mention.digits, wholeEuros)
    const strength: Strength = mention.labelled ? "trusted" : mention.ambiguous || short || looksLikeAmount ? "weak" : "bare"
    const shapeOnly = strength === "weak" && !short && !looksLikeAmount
    const weight = strength === "trusted" ? WEIGHTS.labelled : strength === "bare" ? WEIGHTS.bare : WEIGHTS.weak
    const quality = strength === "trusted" ? "labelled" : mention.listed ? "listed" : strength === "bare" ? "unlabelled" : "weak"
    const how = HOW[quality]
    const listed = mention.listed && strength !== "trusted"
    for (const position of index.byInvoiceDigits.get(mention.digits)) {
      const invoice = invoiceNumberOf(index, position)
      const detail = `'${mention.raw}' in ${where(mention.source)} matches invoice ${invoice}${how}`
      offer(hits, position, { signal: "invoice_number", strength, weight, detail, code: "invoice_match", params: { text: mention.raw, where: mention.source, invoice, quality }, listed, shapeOnly })
      found.push(at)
    }
    // Display ids are numbers: "0042" is order 42 (digits beyond 15 cannot be one).
    const displayPositions = mention.digits.length <= 15 ? index.byDisplayId.get(Number(mention.digits)) : []
    for (const position of displayPositions) {
      const order = displayIdOf(index, position)
      const detail = `'${mention.raw}' in ${where(mention.source)} matches order #${order}${how}`
      offer(hits, position, { signal: "order_number", strength, weight: weight - 0.01, detail, code: "order_match", params: { text: mention.raw, where: mention.source, order, quality }, listed, shapeOnly })
      found.push(at)
    }
  }
  addPatternHits(hits, purpose, index, options)
  return hits
}

/** How a number's quality reads in a reason's sentence. */
const HOW = { labelled: "", listed: " (listed with another number)", unlabelled: " (unlabelled number)", weak: " (number that may be a postal code, year or amount)" }

/** Whether `digits` without its leading zeros (one kept when all are zeros) is `number`: /^0+(?=\d)/ removed, compared. */
function sameNumber(digits: string, number: string): boolean {
  let start = 0
  while (start < digits.length - 1 && digits.charCodeAt(start) === 48) {
    start++
  }
  if (digits.length - start !== number.length) {
    return false
  }
  for (let i = 0; i < number.length; i++) {
    if (digits.charCodeAt(start + i) !== number.charCodeAt(i)) {
      return false
    }
  }
  return true
}

/** Whether token `token` of segment `segment` lies in one of the spans. */
function isConsumed(spans: TokenSpan[], segment: number, token: number): boolean {
  for (let i = 0; i < spans.length; i++) {
    if (spans[i].segment === segment && spans[i].from <= token && token <= spans[i].to) {
      return true
    }
  }
  return false
}

/** Shop-specific invoice number formats (options.invoiceNumberPatterns), trusted like a labelled number. */
function addPatternHits(hits: ReferenceHits, purpose: string, index: OpenItemIndex, options: MatchOptions): void {
  for (const source of options.invoiceNumberPatterns) {
    for (const match of purpose.matchAll(new RegExp(source, "gi"))) {
      const text = match[1] ?? match[0]
      const compact = compactReference(text)
      const positions = [
        ...index.byInvoiceCompact.get(compact),
        ...index.byPaymentReference.get(compact),
        ...index.byInvoiceDigits.get(compact),
      ]
      for (const position of positions) {
        const invoice = invoiceNumberOf(index, position) ?? paymentReferenceOf(index, position)
        const detail = `'${text}' in purpose (shop pattern) matches invoice ${invoice}`
        const params = { text, where: "purpose", invoice, quality: "pattern" }
        offer(hits, position, { signal: "invoice_number", strength: "trusted", weight: WEIGHTS.labelled, detail, code: "invoice_match", params })
      }
    }
  }
}
