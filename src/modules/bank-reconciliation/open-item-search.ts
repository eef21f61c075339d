/** The operator's search over open items for manual assignment: by number, name, reference or amount. Pure. */
import { decimal } from "../../lib/money"
import type { OpenItemInput } from "./matching"

export type OpenItemQuery = { q?: string; customer_id?: string; amount?: string; currency?: string; limit?: number }

const compact = (value: string) => value.replace(/[\s-]+/g, "").toLowerCase()

function matchesText(item: OpenItemInput, q: string): boolean {
  const needle = compact(q.replace(/^#/, ""))
  const haystack = [
    item.displayId == null ? null : String(item.displayId),
    item.invoiceNumber,
    item.paymentReference,
    item.customerName,
    item.companyName,
    item.customerEmail,
  ]
  return haystack.some((value) => !!value && compact(value).includes(needle))
}

function sameAmount(a: string | null | undefined, b: string): boolean {
  return !!a && decimal(a).eq(b)
}

/**
 * Open items that fit every given criterion; an amount matches the outstanding or the total. Items
 * whose outstanding equals the amount, then exact number hits, come first; then newest first.
 */
export function searchOpenItems(items: OpenItemInput[], query: OpenItemQuery): OpenItemInput[] {
  const q = query.q?.trim()
  const hits = items.filter(
    (item) =>
      (!q || matchesText(item, q)) &&
      (!query.customer_id || item.customerId === query.customer_id) &&
      (!query.currency || item.currency.toLowerCase() === query.currency.toLowerCase()) &&
      (!query.amount || sameAmount(item.outstanding, query.amount) || sameAmount(item.total, query.amount))
  )
  const rank = (item: OpenItemInput) =>
    (query.amount && sameAmount(item.outstanding, query.amount) ? 0 : 2) + (q && String(item.displayId) === q.replace(/^#/, "") ? 0 : 1)
  return hits
    .sort((a, b) => rank(a) - rank(b) || (b.createdAt ?? "").localeCompare(a.createdAt ?? "") || (b.displayId ?? 0) - (a.displayId ?? 0))
    .slice(0, query.limit ?? 20)
}
