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
}

export type OpenOrderFilter = {
  /** Only these orders, open or not (but never canceled or drafts). */
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
export const SUMMARY_PENDING_SQL = `(case when coalesce(s.totals -> 'raw_pending_difference' ->> 'value', s.totals ->> 'pending_difference') ~ '^-{0,1}[0-9]+([.][0-9]+){0,1}([eE][-+]{0,1}[0-9]+){0,1}$' then coalesce(s.totals -> 'raw_pending_difference' ->> 'value', s.totals ->> 'pending_difference')::numeric end)`

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
      from "order" o
      join order_summary s on s.order_id = o.id and s.version = o.version and s.deleted_at is null
      -- confirmed assignments are few next to the orders: summed once and hash-joined, not probed per order
      left join (
        select pa.order_id, sum(pa.amount) as assigned from payment_assignment pa
         where pa.status = 'confirmed' and pa.deleted_at is null group by pa.order_id
      ) a on a.order_id = o.id
      left join customer c on c.id = o.customer_id and c.deleted_at is null
      left join order_address b on b.id = o.billing_address_id and b.deleted_at is null
     where ${conditions.join("\n       and ")}
     order by ${filter.orderBy?.sql ?? "o.created_at, o.id"}
     ${filter.limit ? `limit ${Math.floor(filter.limit)}` : ""}`
  const { rows } = await pg.raw(statement, bindings)
  return (rows as Record<string, unknown>[]).map(toOrderRow)
}

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
  }
}
