/**
 * The operator's search over open orders, in the database: the same criteria and order as
 * searchOpenItems (open-item-search.ts), which then runs once more over the page it returns.
 */
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { MedusaContainer } from "@medusajs/framework/types"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import type { OpenItemInput } from "../../modules/bank-reconciliation/matching"
import { searchOpenItems, type OpenItemQuery } from "../../modules/bank-reconciliation/open-item-search"
import type { InvoiceNumberOptions } from "../../modules/bank-reconciliation/open-items"
import type BankReconciliationModuleService from "../../modules/bank-reconciliation/service"
import { loadOpenOrdersWhere } from "./open-orders"
import { OWED_SQL, TOTAL_SQL } from "./open-order-rows"

type Sql = { sql: string; bindings: Knex.RawBinding[] }

// JavaScript's `\s` (what searchOpenItems' `compact` drops) and the hyphen, for translate()
const DROPPED = "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff-"
// searchOpenItems' `compact`: lower case, without white space and hyphens (translate: a tenth of regexp_replace's cost)
const compactSql = (expr: string) => `lower(translate(coalesce(${expr}, ''), '${DROPPED}', ''))`
const compact = (value: string) => value.replace(/[\s-]+/g, "").toLowerCase()
const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`)

/** The invoice number as invoiceNumberOf writes it, in SQL. */
function invoiceNumberSql(options: InvoiceNumberOptions): Sql {
  const formatted = { sql: `replace(?, '{display_id}', o.display_id::text)`, bindings: [options.format] }
  if (options.source === "custom_display_id") {
    return { sql: `coalesce(nullif(o.custom_display_id, ''), ${formatted.sql})`, bindings: formatted.bindings }
  }
  if (options.source === "metadata") {
    return { sql: `coalesce(nullif(trim(o.metadata ->> ?), ''), ${formatted.sql})`, bindings: [options.metadataKey, ...formatted.bindings] }
  }
  return formatted
}

/** One text per order that `q` is looked for in: order number, invoice number, stored reference, name, company, e-mail. */
function searchTextSql(options: InvoiceNumberOptions): Sql {
  const invoice = invoiceNumberSql(options)
  const parts = [
    `o.display_id::text`,
    invoice.sql,
    `o.metadata ->> 'payment_reference'`,
    `coalesce(nullif(concat(c.first_name, c.last_name), ''), concat(b.first_name, b.last_name))`,
    `coalesce(nullif(c.company_name, ''), b.company)`,
    `coalesce(c.email, o.email)`,
  ]
  return { sql: parts.map(compactSql).join(` || '|' || `), bindings: invoice.bindings }
}

/** Open orders fitting the query, best first, at most `limit` (default 20). */
export async function searchOpenOrders(container: MedusaContainer, query: OpenItemQuery): Promise<OpenItemInput[]> {
  const { invoiceNumber } = await container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE).getOptions()
  const where: Sql[] = []
  const q = query.q?.trim()
  const rank: string[] = []
  const rankBindings: Knex.RawBinding[] = []
  if (q) {
    const text = searchTextSql(invoiceNumber)
    // an order without a stored reference has one derived from its id (not computable in SQL): it
    // passes here and searchOpenItems decides; every order placed at checkout has one stored
    where.push({
      sql: `${text.sql} like ? or o.metadata ->> 'payment_reference' is null`,
      bindings: [...text.bindings, `%${escapeLike(compact(q.replace(/^#/, "")))}%`],
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
    where.push({ sql: `${OWED_SQL} = ?::numeric or ${TOTAL_SQL} = ?::numeric`, bindings: [query.amount, query.amount] })
    rank.push(`case when ${OWED_SQL} = ?::numeric then 0 else 2 end`)
    rankBindings.push(query.amount)
  }
  const limit = query.limit ?? 20
  const { items } = await loadOpenOrdersWhere(container, {
    owing: true,
    where,
    // with text, every hit (few) goes to searchOpenItems, which has the last word; without, its order is the same
    // searchOpenItems' rank: an outstanding equal to the amount weighs more than the exact order number
    orderBy: { sql: [...(rank.length ? [rank.join(" + ")] : []), "o.created_at desc", "o.display_id desc"].join(", "), bindings: rankBindings },
    limit: q ? undefined : limit,
  })
  return searchOpenItems(items, { ...query, limit })
}
