/**
 * Reads orders that may owe money straight from Medusa's order tables, in one set-based statement
 * on Medusa's shared connection: no computed totals, what an order owes is its summary's
 * `pending_difference` (the summary row of the order's current version). Read only.
 *
 * Tables read (Medusa 2.21 order, customer and payment modules and their link):
 * `order`, `order_summary`, `order_address`, `customer`, `order_payment_collection`,
 * `payment_session`; and the plugin's own `payment_assignment`.
 */
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { OrderForOpenItem } from "../../modules/bank-reconciliation/open-items"

export type OpenOrderRow = OrderForOpenItem & {
  /** Confirmed, not yet booked assignments to the order, as a decimal string. */
  assigned: string
  pending: string
  /** What pendingOf says (two places, never below zero). */
  pending_2: string | null
  /** What toOpenItem says is outstanding after confirmed assignments (two places). */
  outstanding_2: string
  /** The total with two places (null without one in the summary). */
  total_2: string | null
}

export type OpenOrderFilter = {
  /** Only these orders, open or not (but never canceled or drafts); each read by its key, also with `owing`. */
  orderIds?: string[]
  /** Only orders that still owe something after confirmed assignments (default: true without orderIds). */
  owing?: boolean
  /** Extra SQL conditions over `o` (order), `c` (customer), `b` (billing address), OWED_SQL and TOTAL_SQL. */
  where?: { sql: string; bindings: Knex.RawBinding[] }[]
  orderBy?: { sql: string; bindings: Knex.RawBinding[] }
  limit?: number
}

// A summary stores each amount as a number and, exactly, as `raw_<name>.value`.
const summaryAmount = (name: string) => `coalesce(s.totals -> 'raw_${name}' ->> 'value', s.totals ->> '${name}')::numeric`

/**
 * What the summary says is still to pay, null where the stored text is not a number (never an
 * error). No `?` in it: knex reads that as a binding. Written exactly as the predicate of the plugin's partial index on `order_summary`
 * (`IDX_finapi_order_summary_owing`, migration Migration20261129170000), so the owing orders are read
 * from that index (a tenth of a shop's orders) instead of every summary; keep the two identical.
 */
const guardedSummaryAmount = (name: string) =>
  `(case when coalesce(s.totals -> 'raw_${name}' ->> 'value', s.totals ->> '${name}') ~ '^-{0,1}[0-9]+([.][0-9]+){0,1}([eE][-+]{0,1}[0-9]+){0,1}$' then coalesce(s.totals -> 'raw_${name}' ->> 'value', s.totals ->> '${name}')::numeric end)`
export const SUMMARY_PENDING_SQL = guardedSummaryAmount("pending_difference")
/** The summary's total the same way: the expression of the plugin's index IDX_finapi_order_summary_owing_total (Migration20261130020000). */
export const SUMMARY_TOTAL_SQL = guardedSummaryAmount("current_order_total")

/** SQL over the statement's aliases: what the order still owes after confirmed assignments, and its total. */
export const OWED_SQL = `(${summaryAmount("pending_difference")} - coalesce(a.assigned, 0))`
export const TOTAL_SQL = summaryAmount("current_order_total")

/**
 * The orders (not canceled, not drafts) with what they owe and their confirmed assignments, the
 * fields an open item is built from; bank-transfer sessions only where no reference is stored yet.
 */
export async function readOpenOrderRows(pg: Knex, filter: OpenOrderFilter = {}): Promise<OpenOrderRow[]> {
  const owing = filter.owing ?? !filter.orderIds
  const conditions = [
    `o.deleted_at is null`,
    `o.is_draft_order = false`,
    `o.status <> 'canceled'`,
    ...(filter.orderIds ? [`o.id = any(?)`] : []),
    // confirmed assignments are positive, so an order that owes after them owes before them (the index's condition)
    ...(owing ? [`${SUMMARY_PENDING_SQL} > 0`, `${OWED_SQL} > 0`] : []),
    ...(filter.where ?? []).map((w) => `(${w.sql})`),
  ]
  const bindings: Knex.RawBinding[] = [
    ...(filter.orderIds ? [filter.orderIds] : []),
    ...(filter.where ?? []).flatMap((w) => w.bindings),
    ...(filter.orderBy?.bindings ?? []),
  ]
  const statement = `
    select o.id, o.display_id, o.custom_display_id, o.status, o.currency_code, o.email, o.created_at, o.metadata,
           o.customer_id,
           ${summaryAmount("pending_difference")}::text as pending,
           ${TOTAL_SQL}::text as total,
           coalesce(a.assigned, 0)::text as assigned,
           -- pendingOf and toOpenItem's amounts, exactly (round half away from zero, as toFixed in lib/money)
           round(greatest(round(${summaryAmount("pending_difference")}, 2), 0), 2)::text as pending_2,
           round(greatest(round(${summaryAmount("pending_difference")}, 2), 0) - coalesce(a.assigned, 0), 2)::text as outstanding_2,
           round(${TOTAL_SQL}, 2)::text as total_2,
           c.id as c_id, c.first_name as c_first_name, c.last_name as c_last_name, c.company_name as c_company_name,
           c.email as c_email,
           b.first_name as b_first_name, b.last_name as b_last_name, b.company as b_company,
           case when o.metadata ->> 'payment_reference' is null then (
             select json_agg(json_build_object('id', ps.id, 'provider_id', ps.provider_id, 'status', ps.status, 'data', ps.data)
                             order by ps.created_at, ps.id)
               from order_payment_collection opc
               join payment_session ps on ps.payment_collection_id = opc.payment_collection_id and ps.deleted_at is null
              where opc.order_id = o.id and opc.deleted_at is null and ps.provider_id like 'pp_bank-transfer%'
           ) end as sessions
      from ${owing && !filter.orderIds ? OWING_SOURCE : ALL_SOURCE}
      -- per order by its index: a join over all confirmed assignments turned into a nested loop of
      -- 48 million comparisons whenever the table's statistics were behind (just after an import)
      left join lateral (
        select sum(pa.amount) filter (where pa.status = 'confirmed') as assigned from payment_assignment pa
         where pa.order_id = o.id and pa.deleted_at is null
      ) a on true
      left join customer c on c.id = o.customer_id and c.deleted_at is null
      left join order_address b on b.id = o.billing_address_id and b.deleted_at is null
     where ${conditions.join("\n       and ")}
     order by ${filter.orderBy?.sql ?? "o.created_at, o.id"}
     ${filter.limit ? `limit ${Math.floor(filter.limit)}` : ""}`
  // For this statement only: Postgres' JIT compiled its expressions for longer than it ran (0.6 s of
  // 0.75 s at 100 000 orders); and every table is reached by key or by the owing index, but with no
  // statistics on the index's expression the planner guesses a third of all summaries owe and
  // scans them all (0.4 s), so sequential scans are off
  const rows = await pg.transaction(async (trx) => {
    await trx.raw(`set local jit = off`)
    await trx.raw(`set local enable_seqscan = off`)
    return (await trx.raw(statement, bindings)).rows as Record<string, unknown>[]
  })
  return rows.map(toOrderRow)
}

/** Every order with its current summary. */
const ALL_SOURCE = `"order" o
      join order_summary s on s.order_id = o.id and s.version = o.version and s.deleted_at is null`

/**
 * The owing orders, from the partial index on the summaries that owe (about a tenth of the orders),
 * each order then fetched by its key: a join the planner would turn into a scan of every order
 * (`offset 0` keeps the lateral lookup a lookup), so the cost follows the open orders, not the shop.
 */
const OWING_SOURCE = `(select s.order_id, s.version, s.totals from order_summary s
              where s.deleted_at is null and ${SUMMARY_PENDING_SQL} > 0) s
      cross join lateral (select * from "order" o where o.id = s.order_id and o.version = s.version offset 0) o`

function toOrderRow(row: Record<string, any>): OpenOrderRow {
  return {
    id: row.id,
    display_id: row.display_id,
    custom_display_id: row.custom_display_id,
    status: row.status,
    currency_code: row.currency_code,
    email: row.email,
    created_at: row.created_at,
    metadata: row.metadata,
    customer_id: row.customer_id,
    total: row.total,
    summary: { raw_pending_difference: row.pending },
    customer: row.c_id
      ? { id: row.c_id, first_name: row.c_first_name, last_name: row.c_last_name, company_name: row.c_company_name, email: row.c_email }
      : null,
    billing_address:
      row.b_first_name != null || row.b_last_name != null || row.b_company != null
        ? { first_name: row.b_first_name, last_name: row.b_last_name, company: row.b_company }
        : null,
    payment_collections: row.sessions ? [{ payment_sessions: row.sessions }] : [],
    assigned: row.assigned,
    pending: row.pending,
    pending_2: row.pending_2,
    outstanding_2: row.outstanding_2,
    total_2: row.total_2,
  }
}
