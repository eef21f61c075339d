import { FinapiUserCredentials } from "../client-config"
import { DecimalTransaction, DecimalTransactionPage, toDecimalTransactionPage } from "../decimal-records"
import { commaList } from "../query-string"
import { MAX_PER_PAGE } from "../schemas/paging"
import {
  PageableTransactionListSchema,
  TransactionDirection,
  TransactionOrderField,
  TransactionView,
} from "../schemas/transaction"
import { CallContext } from "./call-context"

export type TransactionOrder = TransactionOrderField | `${TransactionOrderField},${"asc" | "desc"}`

/** Filters of `GET /api/v2/transactions` (REFERENCE.md §4.1). Dates are `YYYY-MM-DD`, amounts decimal strings. */
export interface TransactionFilter {
  /** Required by finAPI: `bankView` (bank's rows) or `userView` (split children replace parents). */
  view: TransactionView
  ids?: number[]
  accountIds?: number[]
  minBankBookingDate?: string
  maxBankBookingDate?: string
  minFinapiBookingDate?: string
  maxFinapiBookingDate?: string
  /** finAPI import date: the right incremental cursor (use an overlap, dedupe on id). */
  minImportDate?: string
  maxImportDate?: string
  direction?: TransactionDirection
  isNew?: boolean
  isPotentialDuplicate?: boolean
  isAdjustingEntry?: boolean
  search?: string
  purpose?: string
  counterpart?: string
  minAmount?: string
  maxAmount?: string
  /** Defaults to `id,asc`, which keeps page boundaries stable while new rows are imported. */
  order?: TransactionOrder[]
  /** 1–500; defaults to 500 (finAPI's maximum). */
  perPage?: number
}

/** Reads one page (1-based) of transactions matching `filter`. */
export function listTransactionsPage(
  ctx: CallContext,
  user: FinapiUserCredentials,
  filter: TransactionFilter,
  page = 1
): Promise<DecimalTransactionPage> {
  return ctx.tokens.withUserToken(user, async (token) => {
    const list = await ctx.transport.call({
      operation: "listTransactions",
      api: "access",
      method: "GET",
      path: "/api/v2/transactions",
      query: { ...transactionQuery(filter), page },
      token,
      schema: PageableTransactionListSchema,
      splitArray: "transactions",
    })
    return toDecimalTransactionPage(list)
  })
}

/** Yields page after page, fetching the next only when asked, so memory stays at one page. */
export async function* iterateTransactionPages(
  ctx: CallContext,
  user: FinapiUserCredentials,
  filter: TransactionFilter
): AsyncGenerator<DecimalTransactionPage, void, undefined> {
  // Loop on pageCount: reading page 1 only silently loses data (Gotcha 9).
  for (let page = 1; ; page++) {
    const result = await listTransactionsPage(ctx, user, filter, page)
    yield result
    if (page >= result.paging.pageCount) {
      return
    }
  }
}

/** Yields transactions one by one across all pages of `filter`. */
export async function* iterateTransactions(
  ctx: CallContext,
  user: FinapiUserCredentials,
  filter: TransactionFilter
): AsyncGenerator<DecimalTransaction, void, undefined> {
  for await (const page of iterateTransactionPages(ctx, user, filter)) {
    yield* page.transactions
  }
}

/** Builds the query string values of a filter (without `page`). */
export function transactionQuery(filter: TransactionFilter): Record<string, string | number | boolean | string[] | undefined> {
  return {
    view: filter.view,
    ids: commaList(filter.ids),
    accountIds: commaList(filter.accountIds),
    minBankBookingDate: filter.minBankBookingDate,
    maxBankBookingDate: filter.maxBankBookingDate,
    minFinapiBookingDate: filter.minFinapiBookingDate,
    maxFinapiBookingDate: filter.maxFinapiBookingDate,
    minImportDate: filter.minImportDate,
    maxImportDate: filter.maxImportDate,
    direction: filter.direction,
    isNew: filter.isNew,
    isPotentialDuplicate: filter.isPotentialDuplicate,
    isAdjustingEntry: filter.isAdjustingEntry,
    search: filter.search,
    purpose: filter.purpose,
    counterpart: filter.counterpart,
    minAmount: filter.minAmount,
    maxAmount: filter.maxAmount,
    order: filter.order ?? ["id,asc"],
    perPage: filter.perPage ?? MAX_PER_PAGE,
  }
}
