import { parseFinapiTimestamp } from "../bank-connection-state"
import { bulkEntityIds } from "../bulk-entity-ids"
import type { DecimalTransaction } from "../finapi"
import { prefetched } from "../finapi/prefetched"
import { updateBankConnectionData } from "../finapi/update-bank-connection-data"
import { systemUserMetadata } from "../finapi/user-metadata"
import { advanceCursor, BookingDateWindow, isSettledPage, isWindow, transactionQueryFor } from "../import-window"
import { bankTransactionRow, filterReason, fingerprintOf, ReceivingAccount } from "../incoming-transaction"
import type BankReconciliationModuleService from "../service"
import type { BankDataUpdate, BankDataUpdateInput, FinapiAccountImport, FinapiAccountImportInput, ImportCounts, ImportedTransactionInsert } from "../types"
import { finapiErrorToMedusa } from "./finapi-error-to-medusa"
import type { FinapiContext, FinapiSession } from "./finapi-gateway"

type AccountImport = Pick<FinapiAccountImport, "counts" | "new_ids" | "held_ids">
type ImportableAccount = ReceivingAccount & { finapi_account_id: string; import_cursor: Date | string | null }

// the admin shows a running import's counts; once a second is enough and keeps writes off the hot path
const PROGRESS_INTERVAL_MS = 1_000

/**
 * Reading transactions never refreshes them: asks finAPI to update a bank connection and waits
 * until it is ready (see updateBankConnectionData).
 */
export async function updateFinapiBankData({ gateway }: FinapiContext, input: BankDataUpdateInput): Promise<BankDataUpdate> {
  return await gateway.asUser(input.interface_id, "Importing bank transactions", ({ client, user }) =>
    updateBankConnectionData(client, user, Number(input.finapi_bank_connection_id), {
      timeoutMs: input.timeout_ms,
      userMetadata: input.user_metadata ?? systemUserMetadata(),
    })
  )
}

/**
 * Imports one account's new incoming payments page by page, writes the run's progress about once a
 * second, and moves the account's cursor. Never throws: what was stored before a failure is returned
 * with the failure's message, so the run records both.
 */
export async function importFinapiAccount({ gateway, store }: FinapiContext, input: FinapiAccountImportInput): Promise<FinapiAccountImport> {
  const result: FinapiAccountImport = { counts: { fetched: 0, imported: 0, known: 0, filtered: 0, held: 0 }, new_ids: [], held_ids: [], before: null, error: null }
  let reportedAt = 0
  const onPage = async (current: ImportCounts) => {
    if (Date.now() - reportedAt < PROGRESS_INTERVAL_MS) {
      return
    }
    reportedAt = Date.now()
    const before = input.counts_before
    await store.updateSyncRuns({
      id: input.sync_run_id,
      fetched_count: before.fetched + current.fetched,
      imported_count: before.imported + current.imported,
      duplicate_count: before.known + current.known,
      filtered_count: before.filtered + current.filtered,
    })
  }
  try {
    const { overlapDays } = (await store.getOptions()).sync
    await gateway.asUser(input.account.interface_id, "Importing bank transactions", async (session) => {
      const before = await store.retrieveBankAccount(input.account.id, { select: ["id", "import_cursor", "last_imported_at"] })
      result.before = { id: before.id, import_cursor: before.import_cursor, last_imported_at: before.last_imported_at }
      const cursor = await importAccountPages(store, session, {
        account: { ...input.account, import_cursor: before.import_cursor },
        syncRunId: input.sync_run_id,
        window: input.window,
        overlapDays,
        perPage: input.page_size,
        result,
        onPage,
      })
      await store.updateBankAccounts({ id: input.account.id, last_imported_at: new Date(), ...(cursor ? { import_cursor: cursor } : {}) })
    })
  } catch (error) {
    result.error = finapiErrorToMedusa(error, "Importing bank transactions").message
  }
  return result
}

/**
 * Reads an account's incoming transactions page by page and stores the new ones. Each page is
 * one insert that skips known (account, finAPI id) pairs, so a run that breaks off leaves only whole
 * pages behind and the next run simply continues. Re-deliveries (same content fingerprint as a
 * stored payment) and finAPI's potential duplicates are stored but held out of automatic processing.
 * Returns the cursor to store, or null when this read must not move it (window, or a list that
 * shifted while paging).
 */
async function importAccountPages(
  store: BankReconciliationModuleService,
  { client, user }: FinapiSession,
  input: {
    account: ImportableAccount
    syncRunId: string
    window: BookingDateWindow | null
    overlapDays: number
    perPage: number
    /** Receives what is stored, page by page. */
    result: AccountImport
    onPage: (counts: ImportCounts) => Promise<unknown>
  }
): Promise<Date | null> {
  const { account } = input
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
  const pages = client.iterateTransactionPages(user, filter)
  for await (const page of prefetched(pages, cursor && !windowed ? 2 : 1)) {
    firstTotal ??= page.paging.totalCount
    listShifted ||= page.paging.totalCount !== firstTotal
    counts.fetched += page.transactions.length
    newestSeen = advanceCursor(newestSeen, page.transactions.map((t) => t.importDate))
    const inserted = await storePage(store, account, input.syncRunId, page.transactions, counts, result)
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

async function storePage(
  store: BankReconciliationModuleService,
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
    const { finapi_potential_duplicate, booking_date, value_date, import_date, ...columns } = bankTransactionRow(transaction, account, prints[i])
    const id = ids[i]
    const duplicateOf = originals.get(columns.fingerprint) ?? null
    const held = finapi_potential_duplicate || duplicateOf !== null
    if (!held) {
      originals.set(columns.fingerprint, id)
    }
    inserts.push({
      ...columns,
      id,
      booking_date: `${booking_date}T00:00:00.000Z`,
      value_date: value_date ? `${value_date}T00:00:00.000Z` : null,
      import_date: parseFinapiTimestamp(import_date)?.toISOString() ?? null,
      is_potential_duplicate: held,
      duplicate_of_id: duplicateOf,
      sync_run_id: syncRunId,
    })
  })
  const insertedRows = await store.insertImportedTransactions(inserts)
  for (const row of insertedRows) {
    ;(row.is_potential_duplicate ? result.held_ids : result.new_ids).push(row.id)
  }
  counts.imported += insertedRows.length
  counts.held = result.held_ids.length
  counts.known += incoming.length - insertedRows.length
  return insertedRows.length
}
