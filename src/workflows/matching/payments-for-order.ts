/**
 * The open payments a newly placed order could be what they paid: looked up from the order's side
 * in the payments' table (index on the open payments' amount; text conditions only over open
 * payments), so placing an order costs the same however many orders the shop has.
 */
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { OpenItemInput } from "../../modules/bank-reconciliation/matching"

// upper case letters and digits only: "RF18 K7Q2-M9X4" and "rf18k7q2m9x4" read the same
const COMPACT_TEXT = `regexp_replace(upper(coalesce(t.purpose, '') || ' ' || coalesce(t.end_to_end_reference, '')), '[^A-Z0-9]', '', 'g')`
const compact = (value: string) => value.toUpperCase().replace(/[^A-Z0-9]/g, "")
const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`)

/**
 * Ids of unassigned or proposed payments (not held back) in the item's currency that name its
 * payment reference, invoice number or order number, come from a known IBAN or from a payer with the
 * customer's name or a learned payer name, or pay its outstanding amount or total. A superset of what the engine could match
 * to it; the engine decides.
 */
export async function findOpenPaymentsForItem(pg: Knex, item: OpenItemInput, limit = 500): Promise<string[]> {
  const mentions = [item.paymentReference, item.invoiceNumber].filter((v): v is string => !!v).map(compact).filter((v) => v.length >= 4)
  const or: string[] = [`t.amount = ?::numeric`, `t.amount = ?::numeric`]
  const bindings: Knex.RawBinding[] = [item.outstanding, item.total ?? item.outstanding]
  for (const mention of [...new Set(mentions)]) {
    or.push(`${COMPACT_TEXT} like ?`)
    bindings.push(`%${escapeLike(mention)}%`)
  }
  if (item.displayId != null) {
    or.push(`coalesce(t.purpose, '') ~ ?`)
    bindings.push(`(^|[^0-9])${item.displayId}([^0-9]|$)`)
  }
  if (item.knownIbans?.length) {
    or.push(`upper(replace(t.counterpart_iban, ' ', '')) = any(?)`)
    bindings.push(item.knownIbans)
  }
  const surname = [item.customerName?.split(/\s+/).at(-1), item.companyName, ...(item.aliases ?? [])].filter((v): v is string => !!v && v.length >= 3)
  for (const name of surname) {
    or.push(`t.counterpart_name ilike ?`)
    bindings.push(`%${escapeLike(name)}%`)
  }
  const { rows } = await pg.raw(
    `select t.id from bank_transaction t
      where t.status in ('unassigned', 'proposed') and t.deleted_at is null and not t.is_potential_duplicate
        and upper(t.currency_code) = ?
        and (${or.join(" or ")})
      order by t.booking_date, t.id
      limit ?`,
    [item.currency.toUpperCase(), ...bindings, limit]
  )
  return (rows as { id: string }[]).map((row) => row.id)
}
