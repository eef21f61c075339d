import { MathBN } from "@medusajs/framework/utils"
import type { BookingGroup as HttpBookingGroup, BookingRow as HttpBookingRow } from "../../../../types/http"

type Money = number | string | null | undefined

/** A booking row as the route holds it: query's Date for the booking date (JSON sends the ISO string the admin reads). */
export type BookingRow = HttpBookingRow<string | Date>

/** The keys of a booking row, for `?fields=` (nothing else can be asked for). */
export const BOOKING_ROW_FIELDS = [
  "assignment_id", "order_id", "order_display_id", "customer_id", "customer_name", "customer_email", "amount", "currency_code", "source",
  "booking_error", "transaction.id", "transaction.booking_date", "transaction.counterpart_name", "transaction.purpose",
]

/** The row keys `?order=` may name, and the payment_assignment column each sorts by. */
export const BOOKING_ORDER: Record<string, string> = { assignment_id: "id", order_id: "order_id", amount: "amount" }

export type BookingGroup = HttpBookingGroup<string | Date>

/** Sum of row amounts per currency, exact, as decimal strings with two places. */
export function totalsByCurrency(rows: { amount: Money; currency_code: string }[]): Record<string, string> {
  const totals: Record<string, ReturnType<typeof MathBN.convert>> = {}
  for (const row of rows) {
    totals[row.currency_code] = MathBN.add(totals[row.currency_code] ?? 0, row.amount ?? 0)
  }
  return Object.fromEntries(Object.entries(totals).map(([currency, total]) => [currency, total.toFixed(2)]))
}

/** Rows grouped by customer (orders without a customer under their e-mail), biggest total first. */
export function groupByCustomer(rows: BookingRow[]): BookingGroup[] {
  const groups = new Map<string, BookingRow[]>()
  for (const row of rows) {
    const key = row.customer_id ?? `email:${row.customer_email ?? ""}`
    groups.set(key, [...(groups.get(key) ?? []), row])
  }
  return [...groups.values()]
    .map((groupRows) => ({
      customer_id: groupRows[0].customer_id,
      customer_name: groupRows[0].customer_name,
      customer_email: groupRows[0].customer_email,
      count: groupRows.length,
      totals: totalsByCurrency(groupRows),
      rows: groupRows,
    }))
    .sort((a, b) => (a.customer_name ?? a.customer_email ?? "").localeCompare(b.customer_name ?? b.customer_email ?? ""))
}
