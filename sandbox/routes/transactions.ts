import { ApiFailure, jsonBody, requireNumericId, sendEmpty, sendJson, unknownEntity, type Exchange } from "../http/exchange"
import { pageOf, pagingJson, readPaging } from "../http/paging"
import { route } from "../http/router"
import { authenticate, userKeyOf } from "../tokens"
import { transactionJson } from "../views/access-json"
import { centsToAmount } from "../data/money"
import { parseTransactionFilter, runTransactionQuery, type TransactionQueryResult } from "../transactions-query"
import type { StoredTransaction } from "../model"

/**
 * Query results are cached per (user, store version, query) so paging through
 * 100 000 rows scans them once, not once per page.
 */
const resultCache = new WeakMap<object, Map<string, TransactionQueryResult>>()

function cachedQuery(ex: Exchange, userKey: string): TransactionQueryResult {
  const filter = parseTransactionFilter(ex.query)
  const own = new Set(ex.state.accountsOf(userKey).map((a) => a.id))
  const accountIds = new Set(filter.accountIds ? filter.accountIds.filter((id) => own.has(id)) : own)
  const query = new URLSearchParams(ex.query)
  query.delete("page")
  query.delete("perPage")
  const key = `${userKey}|${ex.state.transactions.version}|${[...accountIds].join(",")}|${query.toString()}`
  const cache = resultCache.get(ex.state.transactions) ?? new Map<string, TransactionQueryResult>()
  resultCache.set(ex.state.transactions, cache)
  const hit = cache.get(key)
  if (hit) return hit
  const result = runTransactionQuery(ex.state.transactions, accountIds, filter)
  if (cache.size >= 8) cache.delete(cache.keys().next().value as string)
  cache.set(key, result)
  return result
}

function listTransactions(ex: Exchange): void {
  authenticate(ex, "user")
  const paging = readPaging(ex.query)
  const result = cachedQuery(ex, userKeyOf(ex))
  const transactions = pageOf(result.ids, paging).map((id) => transactionJson(ex.state.transactions.get(id) as StoredTransaction))
  sendJson(ex, 200, {
    transactions,
    paging: pagingJson(paging, result.ids.length),
    income: centsToAmount(result.incomeCents),
    spending: centsToAmount(result.spendingCents),
    balance: centsToAmount(result.incomeCents + result.spendingCents),
  })
}

function ownTransaction(ex: Exchange, id: number): StoredTransaction {
  const transaction = ex.state.transactions.get(id)
  const account = transaction && ex.state.accounts.get(transaction.accountId)
  if (!transaction || !account || account.userKey !== userKeyOf(ex)) throw unknownEntity("Transaction", id)
  return transaction
}

function getTransaction(ex: Exchange): void {
  authenticate(ex, "user")
  sendJson(ex, 200, transactionJson(ownTransaction(ex, requireNumericId(ex))))
}

function applyEdit(ex: Exchange, ids: number[], body: Record<string, unknown>): void {
  if (body.isPotentialDuplicate === true) throw new ApiFailure(422, "ILLEGAL_FIELD_VALUE", "isPotentialDuplicate can only be set to false")
  for (const id of ids) {
    if (typeof body.isNew === "boolean") ex.state.transactions.markSeen(id, body.isNew)
    if (body.isPotentialDuplicate === false) ex.state.transactions.clearPotentialDuplicate(id)
  }
}

function editTransaction(ex: Exchange): void {
  authenticate(ex, "user")
  const transaction = ownTransaction(ex, requireNumericId(ex))
  applyEdit(ex, [transaction.id], jsonBody(ex))
  sendJson(ex, 200, transactionJson(ownTransaction(ex, transaction.id)))
}

/** Bulk edit by `ids` or `accountIds` (all of the user's transactions if neither is given). */
function editTransactions(ex: Exchange): void {
  authenticate(ex, "user")
  const body = jsonBody(ex)
  const own = new Set(ex.state.accountsOf(userKeyOf(ex)).map((a) => a.id))
  let ids: number[]
  if (Array.isArray(body.ids)) {
    ids = body.ids.map((id) => ownTransaction(ex, Number(id)).id)
  } else {
    const accounts = Array.isArray(body.accountIds) ? body.accountIds.map(Number).filter((id) => own.has(id)) : [...own]
    ids = []
    ex.state.transactions.scan(new Set(accounts), (facts) => ids.push(facts.id))
  }
  applyEdit(ex, ids, body)
  sendJson(ex, 200, { identifiers: ids })
}

/** finAPI deletes only adjusting entries, potential duplicates and test-bank rows (all rows here are test-bank rows). */
function deleteTransaction(ex: Exchange): void {
  authenticate(ex, "user")
  ex.state.transactions.delete(ownTransaction(ex, requireNumericId(ex)).id)
  sendEmpty(ex)
}

export const transactionRoutes = [
  route("GET", "/api/v2/transactions", listTransactions),
  route("PATCH", "/api/v2/transactions", editTransactions),
  route("GET", "/api/v2/transactions/:id", getTransaction),
  route("PATCH", "/api/v2/transactions/:id", editTransaction),
  route("DELETE", "/api/v2/transactions/:id", deleteTransaction),
]
