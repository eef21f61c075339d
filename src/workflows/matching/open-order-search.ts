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

/** The orders without a stored reference: always candidates (their derived reference is not computable in SQL). */
async function inexactCandidates(pg: Knex): Promise<string[]> {
  const { rows } = await pg.raw(`select p.order_id from open_order_search p where p.exact = false`)
  return rows.map((row: { order_id: string }) => row.order_id)
}

/**
 * One page of the orders with a stored reference whose text contains `needle`, from the search
 * projection (open-order-search-text.ts), in the search's order: the order with exactly this number
 * first (page 0), then newest first. Few hits come from the trigram index; for many (a short number
 * is in thousands of texts) the creation-time index is read backwards until the page is full, so a
 * page costs the same in a small and a large shop.
 */
async function exactCandidates(pg: Knex, needle: string, number: number | null, offset: number, size: number): Promise<string[]> {
  const same =
    offset === 0 && number !== null
      ? (await pg.raw(`select p.order_id from open_order_search p where p.display_id = ? and p.exact and p.text like ? order by p.order_created_at desc, p.order_id`, [number, needle])).rows
      : []
  const { rows } = await pg.raw(
    `select p.order_id from open_order_search p
      where p.deleted_at is null and p.exact and p.text like ? and p.display_id is distinct from ?
      order by p.order_created_at desc, p.display_id desc, p.order_id
      offset ? limit ?`,
    [needle, number, offset, size]
  )
  return [...same, ...rows].map((row: { order_id: string }) => row.order_id)
}

/** Which of `ids` have a projection row whose text contains `needle`, or no stored reference. */
async function withText(pg: Knex, ids: string[], needle: string): Promise<string[]> {
  const { rows } = await pg.raw(`select p.order_id from open_order_search p where p.order_id = any(?) and (p.text like ? or not p.exact)`, [ids, needle])
  return rows.map((row: { order_id: string }) => row.order_id)
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
  const number = q ? q.replace(/^#/, "") : ""
  const needle = `%${escapeLike(compact(number))}%`
  if (q) {
    const text = searchTextSql(invoiceNumber)
    // an order without a stored reference has one derived from its id (not computable in SQL): it
    // passes here and searchOpenItems decides; every order placed at checkout has one stored
    where.push({
      sql: `${text.sql} like ? or o.metadata ->> 'payment_reference' is null`,
      bindings: [...text.bindings, needle],
    })
    rank.push(`case when o.display_id::text = ? then 0 else 1 end`)
    rankBindings.push(number)
  }
  if (query.customer_id) {
    where.push({ sql: `o.customer_id = ?`, bindings: [query.customer_id] })
  }
  if (query.currency) {
    where.push({ sql: `lower(o.currency_code) = lower(?)`, bindings: [query.currency] })
  }
  if (query.amount) {
    // narrowed by the amount's indexes first (few), then by the projection's text
    const byAmount = await amountCandidates(pg, query.amount)
    orderIds = q ? await withText(pg, byAmount, needle) : byAmount
    where.push({ sql: `${OWED_SQL} = ?::numeric or ${TOTAL_SQL} = ?::numeric`, bindings: [query.amount, query.amount] })
    rank.push(`case when ${OWED_SQL} = ?::numeric then 0 else 2 end`)
    rankBindings.push(query.amount)
  }
  const limit = query.limit ?? 20
  const orderBy = { sql: [...(rank.length ? [rank.join(" + ")] : []), "o.created_at desc", "o.display_id desc"].join(", "), bindings: rankBindings }
  if (q && !query.amount) {
    // the candidates with a stored reference come in the search's own order (number, then creation
    // to the millisecond, then number: what searchOpenItems sorts by), so reading them page by page
    // and stopping once `limit` of them are hits gives the same page as reading every candidate; the
    // others (no stored reference: searchOpenItems decides) are read in full
    const read = async (ids: string[]) =>
      ids.length ? searchOpenItems((await loadOpenOrdersWhere(container, { owing: true, orderIds: ids, where, orderBy })).items, { ...query, limit: ids.length }) : []
    const hits = await read(await inexactCandidates(pg))
    const chunk = limit * 5
    const asNumber = /^(0|[1-9][0-9]{0,8})$/.test(number) ? Number(number) : null
    for (let offset = 0, found = 0; found < limit; offset += chunk) {
      const ids = await exactCandidates(pg, needle, asNumber, offset, chunk)
      const more = await read(ids)
      hits.push(...more)
      found += more.length
      if (ids.length < chunk) {
        break
      }
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
