/**
 * Seeds orders the way Medusa's own workflows write them, fast: two template orders are made by
 * Medusa's workflows (one unpaid with a not_paid collection, one paid through
 * markPaymentCollectionAsPaid), then every row they consist of is copied in bulk SQL with new ids,
 * customer, date, payment reference and every money column (numeric, its `raw_` JSON and the
 * summary's totals) scaled to the new order's amount. Nothing is left out: Medusa's admin API reads
 * the copies like the originals (the bench asserts totals and payment status of a sample).
 */
import type { Knex } from "@medusajs/framework/mikro-orm/knex"

export type TemplateOrder = { order_id: string; amount: string }

export type OrderClone = {
  id: string
  customer_id: string
  email: string
  amount: string
  created_at: string
  metadata: Record<string, unknown>
}

// Every table an order of the templates has rows in, how a template row is found, and which
// columns point at another copied row (by the key under which the copy's new id is kept).
const TABLES: { table: string; key: string; find: string; refs: Record<string, string> }[] = [
  { table: "order", key: "order", find: `select id from "order" where id = :order`, refs: {} },
  { table: "order_summary", key: "summary", find: `select id from order_summary where order_id = :order and deleted_at is null`, refs: { order_id: "order" } },
  { table: "order_line_item", key: "line", find: `select item_id as id from order_item where order_id = :order`, refs: {} },
  { table: "order_item", key: "item", find: `select id from order_item where order_id = :order`, refs: { order_id: "order", item_id: "line" } },
  { table: "payment_collection", key: "collection", find: `select payment_collection_id as id from order_payment_collection where order_id = :order`, refs: {} },
  {
    table: "order_payment_collection",
    key: "order_collection",
    find: `select id from order_payment_collection where order_id = :order`,
    refs: { order_id: "order", payment_collection_id: "collection" },
  },
  {
    table: "payment_session",
    key: "session",
    find: `select s.id from payment_session s join order_payment_collection l on l.payment_collection_id = s.payment_collection_id where l.order_id = :order`,
    refs: { payment_collection_id: "collection" },
  },
  {
    table: "payment",
    key: "payment",
    find: `select p.id from payment p join order_payment_collection l on l.payment_collection_id = p.payment_collection_id where l.order_id = :order`,
    refs: { payment_collection_id: "collection", payment_session_id: "session" },
  },
  {
    table: "capture",
    key: "capture",
    find: `select c.id from capture c join payment p on p.id = c.payment_id join order_payment_collection l on l.payment_collection_id = p.payment_collection_id where l.order_id = :order`,
    refs: { payment_id: "payment" },
  },
  { table: "order_transaction", key: "transaction", find: `select id from order_transaction where order_id = :order`, refs: { order_id: "order", reference_id: "capture" } },
]

// what a copied order carries of its own; everything else is the template's
const OWN: Record<string, Record<string, string>> = {
  order: { customer_id: "u.customer_id", email: "u.email", metadata: "u.metadata", display_id: "" },
}

type Column = { name: string; type: string }

async function columnsOf(pg: Knex, table: string): Promise<Column[]> {
  const { rows } = await pg.raw(
    `select column_name as name, data_type as type from information_schema.columns
      where table_schema = current_schema() and table_name = ? order by ordinal_position`,
    [table]
  )
  return rows
}

const scaled = (expr: string) => `trim_scale(round(${expr} * u.factor, 2))`

/** The SQL value of one column of a copy: a new id, a reference to a copied row, scaled money, or the template's. */
function valueOf(column: Column, all: Column[], table: (typeof TABLES)[number]): string | null {
  const own = OWN[table.table]?.[column.name]
  if (own !== undefined) {
    return own || null
  }
  if (column.name === "id") {
    return `u.${table.key}_id`
  }
  if (table.refs[column.name]) {
    return `u.${table.refs[column.name]}_id`
  }
  if (column.name === "created_at" || column.name === "updated_at") {
    return "u.created_at"
  }
  if (table.table === "order_summary" && column.name === "totals") {
    // numbers and `raw_*.value` of the summary alike
    return `(select jsonb_object_agg(k, case
        when jsonb_typeof(v) = 'number' then to_jsonb(${scaled("(v::text)::numeric")})
        when jsonb_typeof(v) = 'object' and v -> 'value' is not null then jsonb_build_object('value', ${scaled("(v ->> 'value')::numeric")}::text, 'precision', 20)
        else v end) from jsonb_each(t.totals) as e(k, v))`
  }
  const money = (name: string) => !/quantity/.test(name) && all.some((c) => c.name === `raw_${name}`)
  if (column.type === "numeric" && money(column.name)) {
    return scaled(`t.${column.name}`)
  }
  if (column.name.startsWith("raw_") && money(column.name.slice(4))) {
    const plain = column.name.slice(4)
    return `case when t.${column.name} is null then null else jsonb_build_object('value', ${scaled(`t.${plain}`)}::text, 'precision', 20) end`
  }
  return `t.${column.name}`
}

/** Copies the template order once per clone, table by table, `chunk` orders per statement. */
export async function cloneOrders(pg: Knex, template: TemplateOrder, clones: OrderClone[], chunk = 5_000): Promise<void> {
  const present: { spec: (typeof TABLES)[number]; templateId: string; columns: Column[] }[] = []
  for (const spec of TABLES) {
    const { rows } = await pg.raw(spec.find.replace(/:order/g, "?"), [template.order_id])
    if (rows.length > 1) {
      throw new Error(`template order ${template.order_id} has ${rows.length} rows in ${spec.table}; one line item, one payment expected`)
    }
    if (rows.length) {
      present.push({ spec, templateId: rows[0].id, columns: await columnsOf(pg, spec.table) })
    }
  }
  const keys = TABLES.map((t) => t.key)
  for (let start = 0; start < clones.length; start += chunk) {
    const part = clones.slice(start, start + chunk)
    const ids = keys.map((key) => part.map((c) => (key === "order" ? c.id : `${key}_${c.id}`)))
    const unnest = `unnest(${keys.map(() => "?::text[]").join(", ")}, ?::text[], ?::text[], ?::numeric[], ?::timestamptz[], ?::jsonb[])
      as u(${keys.map((k) => `${k}_id`).join(", ")}, customer_id, email, factor, created_at, metadata)`
    const bindings = [
      ...ids,
      part.map((c) => c.customer_id),
      part.map((c) => c.email),
      part.map((c) => (Number(c.amount) / Number(template.amount)).toFixed(12)),
      part.map((c) => c.created_at),
      part.map((c) => JSON.stringify(c.metadata)),
    ]
    for (const { spec, templateId, columns } of present) {
      const values = columns.map((column) => ({ column, value: valueOf(column, columns, spec) })).filter((c) => c.value !== null)
      await pg.raw(
        `insert into "${spec.table}" (${values.map((c) => `"${c.column.name}"`).join(", ")})
         select ${values.map((c) => c.value).join(", ")} from "${spec.table}" t cross join ${unnest} where t.id = ?`,
        [...bindings, templateId]
      )
    }
  }
}
