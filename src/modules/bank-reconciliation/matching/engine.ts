import { parseCents } from "./amounts"
import { guardBatchConflicts } from "./batch-guard"
import { decide } from "./decide"
import { normalizeIban } from "./customer-index"
import { buildOpenItemIndex, WantedKeys, type OpenItemIndex } from "./open-item-index"
import { resolveOptions } from "./options"
import { findParty } from "./party"
import { buildProposals } from "./proposals"
import { scanPurpose, type ScanContext } from "./reference-mentions"
import { findReferenceHits } from "./references"
import { scoreProposal, type TransactionFacts } from "./scoring"
import type { BankTransactionInput, MatchInput, MatchOptions, MatchOutput, MatchResult } from "./types"

/**
 * Matches every transaction to the open items: one result per transaction, in input order,
 * independent of the order of the open items, with allocations that never exceed the
 * transaction amount or an order's outstanding amount. Input is assumed valid (see
 * `parseMatchInput`); an unparsable amount yields `none`.
 */
export function matchTransactions(input: MatchInput): MatchOutput {
  const options = resolveOptions(input.options)
  // Sorting by orderId makes every index, and so every tie-break, independent of input order.
  const byId = (a: { orderId: string }, b: { orderId: string }) => (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0)
  // Loaders usually hand the items over in id order already: then one pass replaces the sort.
  const sorted = input.openItems.every((item, i, all) => i === 0 || byId(all[i - 1], item) <= 0)
  const openItems = sorted ? input.openItems : [...input.openItems].sort(byId)
  const index = buildOpenItemIndex(openItems, wantedBy(input.transactions))
  const scanContext = buildScanContext(options, index)
  const roundingCents = Math.round(Number(options.roundingTolerance) * 100)
  const bankFeeCents = Math.round(Number(options.bankFeeTolerance) * 100)
  if (input.transactions.length) {
    // What the first payment would otherwise set up inside the hot path (see NameIndex.prepareLookups).
    index.names.prepareLookups()
    index.payerNamesRaw.set(options.nameCandidateLimit, new Map())
  }
  const results = input.transactions.map((transaction) => matchOne(transaction, index, scanContext, options, roundingCents, bankFeeCents))
  return { results: guardBatchConflicts(results, { get: (orderId) => outstandingOf(index, orderId) }, options) }
}

/** The payer IBANs and the amounts (per currency) the transactions can look up: the index holds only these. */
function wantedBy(transactions: BankTransactionInput[]): WantedKeys {
  const ibans = new Set<string>()
  const amounts = new Map<string, Set<number>>()
  for (const transaction of transactions) {
    const iban = normalizeIban(transaction.counterpartIban)
    if (iban) {
      ibans.add(iban)
    }
    const cents = parseCents(transaction.amount)
    if (cents !== null && cents > 0) {
      const currency = transaction.currency.toUpperCase()
      let set = amounts.get(currency)
      if (!set) {
        set = new Set()
        amounts.set(currency, set)
      }
      set.add(cents)
    }
  }
  return new WantedKeys(ibans, amounts)
}

/** What the order still owes, found by binary search (the open items are sorted by orderId); undefined when not open. */
function outstandingOf(index: OpenItemIndex, orderId: string): number | undefined {
  const items = index.inputs
  let low = 0
  let high = items.length // first position whose orderId is greater than orderId
  while (low < high) {
    const middle = (low + high) >>> 1
    if (items[middle].orderId <= orderId) {
      low = middle + 1
    } else {
      high = middle
    }
  }
  // With a repeated orderId the last one counts, as a Map built in item order would have it.
  return low > 0 && items[low - 1].orderId === orderId ? index.cents[low - 1] : undefined
}

function buildScanContext(options: MatchOptions, index: OpenItemIndex): ScanContext {
  const normalise = (word: string) => word.toUpperCase().replace(/[^A-Z0-9]/g, "")
  const labels = new Set([...options.invoiceKeywords, ...options.orderKeywords].map(normalise))
  index.invoicePrefixes.forEach((prefix) => labels.add(prefix))
  const ignore = new Set(options.ignoreKeywords.map(normalise))
  ignore.forEach((word) => labels.delete(word))
  return new IndexScanContext(labels, ignore, index)
}

/**
 * The scan context of a run's index (a class rather than an object literal, for the reason given
 * at OpenItemIndex; the lookups are methods, not closures made per run, so code that inlined one
 * run's lookup does not meet another function in the next run).
 */
class IndexScanContext implements ScanContext {
  readonly maxReferenceLength: number
  private readonly minReferenceLength: number

  constructor(readonly labels: Set<string>, readonly ignore: Set<string>, private readonly index: OpenItemIndex) {
    this.minReferenceLength = index.referenceLength.min
    this.maxReferenceLength = index.referenceLength.max
  }

  isKnownReference(compact: string): boolean {
    return compact.length >= this.minReferenceLength && compact.length <= this.maxReferenceLength &&
      (this.index.byPaymentReference.has(compact) || this.index.byInvoiceCompact.has(compact))
  }

  isKnownHash(hash: number, length: number): boolean {
    return length >= this.minReferenceLength && length <= this.maxReferenceLength &&
      (this.index.byPaymentReference.hasHash(hash) || this.index.byInvoiceCompact.hasHash(hash))
  }
}

function matchOne(
  transaction: BankTransactionInput, index: OpenItemIndex, scanContext: ScanContext, options: MatchOptions,
  roundingCents: number, bankFeeCents: number
): MatchResult {
  const amountCents = parseCents(transaction.amount)
  if (amountCents === null || amountCents <= 0) {
    return { transactionId: transaction.id, decision: "none", confidence: 0, allocations: [], reasons: [], alternatives: [] }
  }
  const purpose = transaction.purpose ?? ""
  const scan = scanPurpose(purpose, transaction.endToEndReference ?? "", scanContext)
  const refs = findReferenceHits(scan, purpose, amountCents, index, options)
  const party = findParty(transaction.counterpartIban, transaction.counterpartName, scan, index, options.nameCandidateLimit)
  const currency = transaction.currency.toUpperCase()
  const proposals = buildProposals(amountCents, currency, refs, party, index, options)
  const facts: TransactionFacts = {
    amountCents,
    roundingCents,
    bankFeeCents,
    paymentDate: transaction.valueDate ?? transaction.bookingDate ?? null,
    counterpartIban: transaction.counterpartIban ?? null,
    refs,
    party,
  }
  const scored = proposals.map((proposal) => scoreProposal(proposal, facts, index, options))
  return decide(transaction.id, scored, facts, index, options)
}
