import { parseFinapiTimestamp } from "../../modules/bank-reconciliation/bank-connection-state"
import { bulkEntityIds } from "../../modules/bank-reconciliation/bulk-entity-ids"
import type { DecimalTransaction, FinapiClient, FinapiUserCredentials } from "../../modules/bank-reconciliation/finapi"
import {
  advanceCursor,
  BookingDateWindow,
  isSettledPage,
  isWindow,
  transactionQueryFor,
} from "../../modules/bank-reconciliation/import-window"
import {
  bankTransactionRow,
  filterReason,
  fingerprintOf,
  ReceivingAccount,
} from "../../modules/bank-reconciliation/incoming-transaction"
import BankReconciliationModuleService, { ImportedTransactionInsert } from "../../modules/bank-reconciliation/service"

export type ImportCounts = { fetched: number; imported: number; known: number; filtered: number; held: number }

export type ImportableAccount = ReceivingAccount & { finapi_account_id: string; import_cursor: Date | string | null }

/** What an account's import stored so far; filled page by page, so it is right even when a later page fails. */
export type AccountImport = {
  counts: ImportCounts
  new_ids: string[]
  held_ids: string[]
}

export function emptyAccountImport(): AccountImport {
  return { counts: { fetched: 0, imported: 0, known: 0, filtered: 0, held: 0 }, new_ids: [], held_ids: [] }
}

/**
 * Reads an account's incoming transactions page by page and stores the new ones. Each page is
 * one insert that skips known (account, finAPI id) pairs, so a run that breaks off leaves only whole
 * pages behind and the next run simply continues. Re-deliveries (same content fingerprint as a
 * stored payment) and finAPI's potential duplicates are stored but held out of automatic processing.
 * Returns the cursor to store, or null when this read must not move it (window, or a list that
 * shifted while paging).
 */
export async function importAccountPages(input: {
  service: BankReconciliationModuleService
  client: FinapiClient
  user: FinapiUserCredentials
  account: ImportableAccount
  syncRunId: string
  window: BookingDateWindow | null
  overlapDays: number
  perPage: number
  /** Receives what is stored, page by page. */
  result: AccountImport
  onPage: (counts: ImportCounts) => Promise<unknown>
}): Promise<Date | null> {
  const { service, account } = input
  const cursor = account.import_cursor ? new Date(account.import_cursor) : null
  const windowed = isWindow(input.window)
  const filter = transactionQueryFor({
    finapiAccountId: Number(account.finapi_account_id),
    cursor,
    overlapDays: input.overlapDays,
    window: input.window,
    perPage: input.perPage,
  })
  const { result } = input
  const counts = result.counts
  let newestSeen: Date | null = cursor
  let firstTotal: number | null = null
  let listShifted = false
  const pages = input.client.iterateTransactionPages(input.user, filter)
  for await (const page of prefetched(pages, cursor && !windowed ? 2 : 1)) {
    firstTotal ??= page.paging.totalCount
    listShifted ||= page.paging.totalCount !== firstTotal
    counts.fetched += page.transactions.length
    newestSeen = advanceCursor(newestSeen, page.transactions.map((t) => t.importDate))
    const inserted = await storePage(service, account, input.syncRunId, page.transactions, counts, result)
    await input.onPage(counts)
    const oldest = page.transactions.length ? page.transactions[page.transactions.length - 1].importDate : null
    if (isSettledPage({ cursor, windowed, insertedOnPage: inserted, oldestImportDateOnPage: oldest })) {
      break
    }
  }
  // A list that grew or shrank while paging may have moved a row across a page border: keep the
  // old cursor so the next run reads that stretch again.
  return windowed || listShifted ? null : newestSeen
}

/**
 * Yields the pages of `pages` while the next one is already being fetched, so finAPI's answer time
 * and the database's insert time overlap. An error of the page fetched ahead surfaces when that page
 * is due, after everything before it is stored. Pages before `fetchAheadFromPage` are read one at a
 * time (an incremental import usually stops after its first page).
 */
export async function* prefetched<T>(pages: AsyncGenerator<T>, fetchAheadFromPage = 1): AsyncGenerator<T> {
  let ahead: Promise<IteratorResult<T>> | null = null
  try {
    for (let page = 1; ; page++) {
      const current = await (ahead ?? pages.next())
      ahead = null
      if (current.done) {
        return
      }
      if (page >= fetchAheadFromPage) {
        ahead = pages.next()
        // the page fetched ahead may fail while this one is stored; its error is raised when it is due
        ahead.catch(() => undefined)
      }
      yield current.value
    }
  } finally {
    await (ahead ?? Promise.resolve()).then(() => pages.return(undefined), () => undefined)
  }
}

async function storePage(
  service: BankReconciliationModuleService,
  account: ImportableAccount,
  syncRunId: string,
  transactions: DecimalTransaction[],
  counts: ImportCounts,
  result: AccountImport
): Promise<number> {
  // Older finAPI ids first, so an original is stored before its re-delivery on the same page.
  const incoming = transactions.filter((t) => !filterReason(t)).sort((a, b) => a.id - b.id)
  counts.filtered += transactions.length - incoming.length
  const prints = incoming.map((t) => fingerprintOf(t, account))
  // the database flags matches with stored payments; within the page the first of a fingerprint is the original
  const originals = new Map<string, string>()
  const inserts: ImportedTransactionInsert[] = []
  const ids = bulkEntityIds("btx", incoming.length)
  incoming.forEach((transaction, i) => {
    const row = bankTransactionRow(transaction, account, prints[i])
    const id = ids[i]
    const duplicateOf = originals.get(row.fingerprint) ?? null
    const held = row.finapi_potential_duplicate || duplicateOf !== null
    if (!held) {
      originals.set(row.fingerprint, id)
    }
    inserts.push({
      id,
      account_id: row.account_id,
      finapi_transaction_id: row.finapi_transaction_id,
      amount: row.amount,
      currency_code: row.currency_code,
      booking_date: `${row.booking_date}T00:00:00.000Z`,
      value_date: row.value_date ? `${row.value_date}T00:00:00.000Z` : null,
      import_date: parseFinapiTimestamp(row.import_date)?.toISOString() ?? null,
      purpose: row.purpose,
      counterpart_name: row.counterpart_name,
      counterpart_iban: row.counterpart_iban,
      counterpart_bic: row.counterpart_bic,
      end_to_end_reference: row.end_to_end_reference,
      mandate_reference: row.mandate_reference,
      creditor_id: row.creditor_id,
      fingerprint: row.fingerprint,
      is_potential_duplicate: held,
      duplicate_of_id: duplicateOf,
      sync_run_id: syncRunId,
      raw: row.raw,
    })
  })
  const insertedRows = await service.insertImportedTransactions(inserts)
  for (const row of insertedRows) {
    ;(row.is_potential_duplicate ? result.held_ids : result.new_ids).push(row.id)
  }
  counts.imported += insertedRows.length
  counts.held = result.held_ids.length
  counts.known += incoming.length - insertedRows.length
  return insertedRows.length
}
