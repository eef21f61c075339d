import { model } from "@medusajs/framework/utils"

/**
 * The open-order search's projection: per order that may owe money, the text the operator's search
 * looks in, compacted as searchOpenItems' `compact` does (order number, invoice number, stored
 * payment reference, customer name, company, e-mail), found by a trigram index. Written by SQL on
 * Medusa's connection (workflows/matching/open-order-search-text.ts): when an order is placed or
 * updated, when a customer changes, for recently placed owing orders without a row at a search, and
 * in full by the minute job; rows of orders that no longer owe are dropped by the job. A superset
 * filter only: the search re-checks every candidate against Medusa's tables.
 * Its sibling `open_order_owed` (what each order owes, its confirmed assignments' sum) is defined by
 * migration Migration20261130020000 only: plain numerics written by set-based SQL and a trigger,
 * where a DML big number would pair each with a `raw_` JSON column both would have to keep.
 */
export const OpenOrderSearch = model
  .define("open_order_search", {
    order_id: model.text().primaryKey(),
    /** The compacted texts joined by `|`, exactly as the search's SQL builds them. */
    text: model.text(),
    /** False where the order has no stored payment reference (its derived one is not computable in SQL: always a candidate). */
    exact: model.boolean().default(true),
    /** The order's number and creation time (to the millisecond, as open items carry it): the search's order. */
    display_id: model.number().nullable(),
    order_created_at: model.dateTime().nullable(),
  })
  .indexes([{ name: "IDX_open_order_search_order_created_at", on: ["order_created_at", "display_id"] }])
