/**
 * The operator's search over open orders, in the database: the same criteria and order as
 * searchOpenItems (open-item-search.ts), which then runs once more over the page it returns.
 */
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import type { OpenItemInput } from "../../modules/bank-reconciliation/matching"
import { searchOpenItems, type OpenItemQuery } from "../../modules/bank-reconciliation/open-item-search"
import type { InvoiceNumberOptions } from "../../modules/bank-reconciliation/open-items"
import type BankReconciliationModuleService from "../../modules/bank-reconciliation/service"
import { loadOpenOrdersWhere } from "./open-orders"
import { OWED_SQL, SUMMARY_PENDING_SQL, SUMMARY_TOTAL_SQL, TOTAL_SQL } from "./open-order-rows"
import { refreshOpenOrderSearch, searchTextSql, type Sql } from "./open-order-search-text"

const compact = (value: string) => value.replace(/[\s-]+/g, "").toLowerCase()
const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`)

type Candidate = { order_id: string; exact: boolean }

// an order placed this long ago or less that has no row yet is given one by the search itself (the
// order.placed subscriber may not have run yet); an older one by the minute job
const RECENT = `interval '10 minutes'`

/** Writes the rows of the owing orders placed in the last minutes that have none, by Medusa's order creation time. */
async function addRecentRows(pg: Knex, options: InvoiceNumberOptions): Promise<void> {
  const { rows } = await pg.raw(
    `select s.order_id from "order" o join order_summary s on s.order_id = o.id and s.version = o.version
      where o.created_at > now() - ${RECENT} and o.deleted_at is null and s.deleted_at is null and ${SUMMARY_PENDING_SQL} > 0
        and not exists (select 1 from open_order_search p where p.order_id = o.id)`
  )
  if (rows.length) {
    // best effort: a concurrent writer may hold the same rows
    await refreshOpenOrderSearch(pg, options, { orderIds: rows.map((row: { order_id: string }) => row.order_id) }).catch(() => undefined)
  }
}

/**
 * The orders whose text may contain `needle`, from the search projection (open-order-search-text.ts),
 * in the search's order (exact order number first, then newest first): its hits and its orders
 * without a stored reference. A superset of the owing hits.
 */
async function textCandidates(pg: Knex, needle: string, number: string): Promise<Candidate[]> {
  const rows = await pg.raw(
    `select p.order_id, p.exact, p.display_id::text = ? as same_number, p.order_created_at, p.display_id
       from open_order_search p where p.text like ?
     union
     select p.order_id, p.exact, p.display_id::text = ?, p.order_created_at, p.display_id
       from open_order_search p where p.exact = false
     order by same_number desc, order_created_at desc, display_id desc, order_id`,
    [number, needle, number]
  )
  return rows.rows as Candidate[]
}

/**
 * The owing orders whose outstanding after confirmed assignments or total equals `amount`, each
 * part by an index: the owing summaries by what they owe and by their total (orders without
 * confirmed assignments owe what their summary says), and the orders with confirmed assignments by
 * the projection's `open_order_owed` (pending minus assigned). A superset: the rows are checked again by key.
 */
async function amountCandidates(pg: Knex, amount: string): Promise<string[]> {
  const { rows } = await pg.raw(
    `select s.order_id from order_summary s
      where s.deleted_at is null and ${SUMMARY_PENDING_SQL} > 0 and (${SUMMARY_PENDING_SQL} = ?::numeric or ${SUMMARY_TOTAL_SQL} = ?::numeric)
     union
     select w.order_id from open_order_owed w where w.assigned > 0 and w.pending - w.assigned = ?::numeric`,
    [amount, amount, amount]
  )
  return rows.map((row: { order_id: string }) => row.order_id)
}

/** Open orders fitting the query, best first, at most `limit` (default 20). */
export async function searchOpenOrders(container: MedusaContainer, query: OpenItemQuery): Promise<OpenItemInput[]> {
  const { invoiceNumber } = await container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE).getOptions()
  const pg = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const where: Sql[] = []
  const q = query.q?.trim()
  if (q || query.amount) {
    await addRecentRows(pg, invoiceNumber)
  }
  const rank: string[] = []
  const rankBindings: Knex.RawBinding[] = []
  let orderIds: string[] | undefined
  let candidates: Candidate[] = []
  if (q) {
    const text = searchTextSql(invoiceNumber)
    const needle = `%${escapeLike(compact(q.replace(/^#/, "")))}%`
    // narrowed by the projection first: the text of every owing order is not compacted per request
    candidates = await textCandidates(pg, needle, q.replace(/^#/, ""))
    orderIds = candidates.map((c) => c.order_id)
    // an order without a stored reference has one derived from its id (not computable in SQL): it
    // passes here and searchOpenItems decides; every order placed at checkout has one stored
    where.push({
      sql: `${text.sql} like ? or o.metadata ->> 'payment_reference' is null`,
      bindings: [...text.bindings, needle],
    })
    rank.push(`case when o.display_id::text = ? then 0 else 1 end`)
    rankBindings.push(q.replace(/^#/, ""))
  }
  if (query.customer_id) {
    where.push({ sql: `o.customer_id = ?`, bindings: [query.customer_id] })
  }
  if (query.currency) {
    where.push({ sql: `lower(o.currency_code) = lower(?)`, bindings: [query.currency] })
  }
  if (query.amount) {
    // both narrowings are small, each by its index: only what passes both is read
    const byAmount = new Set(await amountCandidates(pg, query.amount))
    orderIds = orderIds ? orderIds.filter((id) => byAmount.has(id)) : [...byAmount]
    where.push({ sql: `${OWED_SQL} = ?::numeric or ${TOTAL_SQL} = ?::numeric`, bindings: [query.amount, query.amount] })
    rank.push(`case when ${OWED_SQL} = ?::numeric then 0 else 2 end`)
    rankBindings.push(query.amount)
  }
  const limit = query.limit ?? 20
  const orderBy = { sql: [...(rank.length ? [rank.join(" + ")] : []), "o.created_at desc", "o.display_id desc"].join(", "), bindings: rankBindings }
  if (q && !query.amount) {
    // the exact candidates are in the search's own order (number, then creation to the millisecond,
    // then number: what searchOpenItems sorts by), so reading them in chunks in that order and
    // stopping once `limit` of them are hits gives the same page as reading every candidate; the
    // others (no stored reference: searchOpenItems decides) are read in full
    const read = async (ids: string[]) =>
      ids.length ? searchOpenItems((await loadOpenOrdersWhere(container, { owing: true, orderIds: ids, where, orderBy })).items, { ...query, limit: ids.length }) : []
    const hits = await read(candidates.filter((c) => !c.exact).map((c) => c.order_id))
    const ordered = candidates.filter((c) => c.exact).map((c) => c.order_id)
    const chunk = limit * 5
    for (let start = 0, found = 0; start < ordered.length && found < limit; start += chunk) {
      const more = await read(ordered.slice(start, start + chunk))
      hits.push(...more)
      found += more.length
    }
    return searchOpenItems(hits, { ...query, limit })
  }
  const { items } = await loadOpenOrdersWhere(container, {
    owing: true,
    orderIds,
    where,
    // with text, every hit (few) goes to searchOpenItems, which has the last word; without, its order is the same
    // searchOpenItems' rank: an outstanding equal to the amount weighs more than the exact order number
    orderBy,
    limit: q ? undefined : limit,
  })
  return searchOpenItems(items, { ...query, limit })
}
