/**
 * The open-order search's projection: per order that may owe money, the compacted text the search
 * looks in (model OpenOrderSearch, table `open_order_search`), and what the summary said it owes with
 * the sum of its confirmed assignments (table `open_order_owed`, Migration20261130020000; `assigned`
 * kept current by triggers on `payment_assignment`). Kept by set-based SQL on Medusa's shared
 * connection; reads `order`, `order_summary` (through the owing index), `customer`, `order_address`.
 * The search only narrows its candidates with it and re-checks each against Medusa's tables, so a
 * row too many never shows; a missing row of an order placed in the last minutes is added by the
 * next search, of an older one by the minute job, which also corrects what went stale without an
 * event the plugin hears (an order's metadata, billing address or amounts, the invoice-number
 * options).
 */
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import type BankReconciliationModuleService from "../../modules/bank-reconciliation/service"
import type { InvoiceNumberOptions } from "../../modules/bank-reconciliation/open-items"
import { SUMMARY_PENDING_SQL } from "./open-order-rows"

export type Sql = { sql: string; bindings: Knex.RawBinding[] }

// JavaScript's `\s` (what searchOpenItems' `compact` drops) and the hyphen, for translate()
const DROPPED = "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff-"
// searchOpenItems' `compact`: lower case, without white space and hyphens (translate: a tenth of regexp_replace's cost)
const compactSql = (expr: string) => `lower(translate(coalesce(${expr}, ''), '${DROPPED}', ''))`

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

/**
 * One text per order that `q` is looked for in: order number, invoice number, stored reference,
 * name, company, e-mail; over `o` (order), `c` (customer), `b` (billing address).
 */
export function searchTextSql(options: InvoiceNumberOptions): Sql {
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

/** Which orders' rows to write. */
export type SearchTextScope =
  /** These orders (placed, updated), owing or not yet. */
  | { orderIds: string[] }
  /** The orders of these customers that have a row (a customer changed). */
  | { customerIds: string[] }
  /** Every owing order; rows of orders that no longer owe are dropped (the minute job). */
  | { all: true }

// the owing summaries, from the plugin's partial index (see open-order-rows.ts)
const OWING_IDS = `select s.order_id from order_summary s where s.deleted_at is null and ${SUMMARY_PENDING_SQL} > 0`

/** Writes the projection's rows for the scope (insert, or update where the text changed); returns how many changed. */
export async function refreshOpenOrderSearch(pg: Knex, options: InvoiceNumberOptions, scope: SearchTextScope): Promise<number> {
  const text = searchTextSql(options)
  let source: Sql
  if ("orderIds" in scope) {
    if (!scope.orderIds.length) {
      return 0
    }
    source = { sql: `o.id = any(?)`, bindings: [scope.orderIds] }
  } else if ("customerIds" in scope) {
    if (!scope.customerIds.length) {
      return 0
    }
    source = { sql: `o.customer_id = any(?) and o.id in (select p.order_id from open_order_search p)`, bindings: [scope.customerIds] }
  } else {
    source = { sql: `o.id in (${OWING_IDS})`, bindings: [] }
  }
  const orders = `o.deleted_at is null and o.is_draft_order = false and o.status <> 'canceled' and (${source.sql})`
  const textStatement = `
    insert into open_order_search (order_id, text, exact, display_id, order_created_at)
    select o.id, ${text.sql}, (o.metadata ->> 'payment_reference') is not null, o.display_id, date_trunc('milliseconds', o.created_at)
      from "order" o
      left join customer c on c.id = o.customer_id and c.deleted_at is null
      left join order_address b on b.id = o.billing_address_id and b.deleted_at is null
     where ${orders}
     order by o.id
    on conflict (order_id) do update
       set text = excluded.text, exact = excluded.exact, display_id = excluded.display_id, order_created_at = excluded.order_created_at, updated_at = now()
     where (open_order_search.text, open_order_search.exact, open_order_search.display_id, open_order_search.order_created_at)
           is distinct from (excluded.text, excluded.exact, excluded.display_id, excluded.order_created_at)`
  // what the order owes and its confirmed assignments' sum (kept current by the assignment triggers)
  const owedStatement = `
    insert into open_order_owed (order_id, pending, assigned)
    select o.id, ${SUMMARY_PENDING_SQL},
           coalesce((select sum(pa.amount) from payment_assignment pa where pa.order_id = o.id and pa.status = 'confirmed' and pa.deleted_at is null), 0)
      from "order" o
      join order_summary s on s.order_id = o.id and s.version = o.version and s.deleted_at is null
     where ${orders}
     -- rows locked in one order, as the assignment triggers lock them (Migration20261130020000)
     order by o.id
    on conflict (order_id) do update set pending = excluded.pending, assigned = excluded.assigned, updated_at = now()
     where (open_order_owed.pending, open_order_owed.assigned) is distinct from (excluded.pending, excluded.assigned)`
  return pg.transaction(async (trx) => {
    // as in open-order-rows.ts: no JIT for a short statement; the owing orders by their index
    await trx.raw(`set local jit = off`)
    await trx.raw(`set local enable_seqscan = off`)
    let changed = (await trx.raw(textStatement, [...text.bindings, ...source.bindings])).rowCount ?? 0
    if (!("customerIds" in scope)) {
      changed += (await trx.raw(owedStatement, source.bindings)).rowCount ?? 0
    }
    if ("all" in scope) {
      for (const table of ["open_order_search", "open_order_owed"]) {
        changed += (await trx.raw(`delete from ${table} p where not exists (${OWING_IDS} and s.order_id = p.order_id)`)).rowCount ?? 0
      }
    }
    return changed
  })
}

/** refreshOpenOrderSearch on Medusa's connection with the plugin's invoice-number options. */
export async function refreshOpenOrderSearchIn(container: MedusaContainer, scope: SearchTextScope): Promise<number> {
  const { invoiceNumber } = await container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE).getOptions()
  return refreshOpenOrderSearch(container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION), invoiceNumber, scope)
}
