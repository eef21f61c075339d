/**
 * Open items for the matching engine: orders that still owe money, shaped the way the engine reads
 * them (contracts/matching.md). Pure: the auto-assign workflow loads the rows and calls these.
 */
import { decimal, maxOf, type MoneyInput as Money } from "../../lib/money"
import { paymentReferenceForOrder, type OrderForPaymentReference } from "../../lib/bank-transfer/order-payment-reference"
import type { OpenItemInput } from "./matching"
import type { PluginOptions } from "./plugin-options"

export type InvoiceNumberOptions = PluginOptions["invoiceNumber"]

/** The order fields open items are built from (a query.graph row over `order` fits). */
export type OrderForOpenItem = OrderForPaymentReference & {
  id: string
  display_id?: number | null
  custom_display_id?: string | null
  status?: string | null
  currency_code: string
  email?: string | null
  created_at?: string | Date | null
  total?: Money
  summary?: { pending_difference?: Money; raw_pending_difference?: Money } | null
  customer_id?: string | null
  customer?: { id?: string | null; first_name?: string | null; last_name?: string | null; company_name?: string | null; email?: string | null } | null
  billing_address?: { first_name?: string | null; last_name?: string | null; company?: string | null } | null
}

/** The invoice number per the configured source; falls back to the formatted display id when the source is empty. */
export function invoiceNumberOf(order: Pick<OrderForOpenItem, "display_id" | "custom_display_id" | "metadata">, options: InvoiceNumberOptions): string | null {
  const formatted = order.display_id == null ? null : options.format.replace("{display_id}", String(order.display_id))
  if (options.source === "custom_display_id" && order.custom_display_id) {
    return order.custom_display_id
  }
  if (options.source === "metadata") {
    const value = order.metadata?.[options.metadataKey]
    if ((typeof value === "string" && value.trim()) || typeof value === "number") {
      return String(value).trim()
    }
  }
  return formatted
}

/** A decimal string with two places, exact (no float on the way). */
export function toDecimal(value: Money): string {
  return decimal(value).toFixed(2)
}

/** What the order still owes per Medusa's summary (never below zero). */
export function pendingOf(order: Pick<OrderForOpenItem, "summary">): string {
  const summary = order.summary ?? {}
  const pending = summary.raw_pending_difference ?? summary.pending_difference
  return maxOf(toDecimal(pending), 0).toFixed(2)
}

/** The customer's IBANs, normalised (upper case, no spaces) and without repeats, per customer id. */
export function knownIbansByCustomer(rows: { customer_id: string | null; counterpart_iban: string | null }[]): Map<string, string[]> {
  const byCustomer = new Map<string, Set<string>>()
  for (const row of rows) {
    const iban = row.counterpart_iban?.replace(/\s+/g, "").toUpperCase()
    if (!row.customer_id || !iban) {
      continue
    }
    byCustomer.set(row.customer_id, (byCustomer.get(row.customer_id) ?? new Set()).add(iban))
  }
  return new Map([...byCustomer].map(([id, ibans]) => [id, [...ibans].sort()]))
}

/** Learned payer names per customer id, in the order they were learned. */
export function aliasesByCustomer(rows: { customer_id: string; value: string }[]): Map<string, string[]> {
  const byCustomer = new Map<string, string[]>()
  for (const row of rows) {
    byCustomer.set(row.customer_id, [...(byCustomer.get(row.customer_id) ?? []), row.value])
  }
  return byCustomer
}

function fullName(first?: string | null, last?: string | null): string | null {
  const name = [first, last].map((part) => part?.trim()).filter(Boolean).join(" ")
  return name || null
}

function dayOf(value: string | Date | null | undefined): string | null {
  if (!value) {
    return null
  }
  return (value instanceof Date ? value.toISOString() : value).slice(0, 10)
}

/**
 * The open item of an order, or null when it is canceled or owes nothing once `assigned` (confirmed
 * but not yet booked assignments) is taken off what Medusa says is pending.
 */
export function toOpenItem(
  order: OrderForOpenItem,
  context: {
    assigned?: string | null
    knownIbans?: string[]
    aliases?: string[]
    invoiceNumber: InvoiceNumberOptions
    /** Outstanding and total already worked out exactly as below (two places), e.g. by the database. */
    amounts?: { outstanding: string; total: string }
  }
): OpenItemInput | null {
  if (order.status === "canceled") {
    return null
  }
  const outstanding = context.amounts?.outstanding ?? decimal(pendingOf(order)).minus(decimal(context.assigned)).toFixed(2)
  // a decimal string with two places: its sign reads exactly as a number
  if (Number(outstanding) <= 0) {
    return null
  }
  const customer = order.customer ?? null
  const billing = order.billing_address ?? null
  return {
    orderId: order.id,
    displayId: order.display_id ?? null,
    invoiceNumber: invoiceNumberOf(order, context.invoiceNumber),
    paymentReference: paymentReferenceForOrder(order).reference,
    customerId: customer?.id ?? order.customer_id ?? null,
    customerName: fullName(customer?.first_name, customer?.last_name) ?? fullName(billing?.first_name, billing?.last_name),
    companyName: customer?.company_name || billing?.company || null,
    customerEmail: customer?.email ?? order.email ?? null,
    knownIbans: context.knownIbans ?? [],
    aliases: context.aliases ?? [],
    currency: order.currency_code.toUpperCase(),
    total: context.amounts?.total ?? toDecimal(order.total),
    outstanding,
    createdAt: dayOf(order.created_at),
  }
}
