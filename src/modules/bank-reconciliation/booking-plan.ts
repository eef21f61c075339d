/**
 * How one confirmed assignment is booked into Medusa: which payment path, how much (never more than
 * the order owes) and what surplus stays on the bank transaction. Pure: the book workflow loads the
 * rows under a lock and calls planBooking.
 */
import { currencyDigits, decimal, minOf, sumOf, type Decimal, type MoneyInput as Money } from "../../lib/money"
import { DEFAULT_CAPTURABLE_PROVIDERS } from "./plugin-options"

export const BANK_TRANSFER_PROVIDER_PREFIX = "pp_bank-transfer"
export const SYSTEM_PROVIDER_ID = "pp_system_default"

export type BookingOrder = {
  id: string
  display_id?: number | null
  currency_code: string
  summary?: { pending_difference?: Money; raw_pending_difference?: Money } | null
  payment_collections?: BookingCollection[] | null
}

export type BookingCollection = {
  id: string
  status: string
  amount: Money
  currency_code?: string | null
  payment_sessions?: { id: string; provider_id: string; status: string; amount: Money }[] | null
  payments?: { id: string; provider_id: string; amount: Money; canceled_at?: unknown; captures?: { amount: Money }[] | null }[] | null
}

// "resumed": a run that died had captured; the next run records that capture
export type BookingMode = "capture_authorized" | "bank_transfer" | "mark_paid" | "system_session" | "resumed"

export type BookingPlan = {
  mode: BookingMode
  payment_collection_id: string
  /** set for capture_authorized */
  payment_id: string | null
  /** set for bank_transfer */
  payment_session_id: string | null
  /** what is captured, in the currency's precision (two places for EUR) */
  amount: string
  /** what the assignment books, exact: the captured amount plus a rounding difference below one unit */
  booked_amount: string
  /** booked_amount − amount: what rounding the capture to the currency's precision left out (or added) */
  rounding: string
  /** what the assignment brings beyond what the order owes, exact; stays on the bank transaction */
  surplus: string
  /**
   * set for mark_paid and system_session: the system-provider session to open for the collection's
   * amount, and the collection's existing sessions it replaces (Medusa keeps one session per collection)
   */
  system_session: { amount: string; currency_code: string; replaces: string[] } | null
}

export type BookingRefusal = { refused: string }

/**
 * Picks the booking path for `assigned` money on `order`: capture an authorized payment of a
 * capturable provider that still has room, else authorize the waiting bank-transfer session, else
 * settle a `not_paid` collection (mark paid when the amount is exactly the collection's, a
 * system-provider session for less). Refuses, saying why and what to do, when nothing is owed, when
 * the order is authorized by another provider (a card: capturing it would charge the customer
 * twice), or when nothing can take the money.
 *
 * Amounts: the assignment keeps its exact amount (a bank may report 10.005). The capture is that
 * amount, capped at what the order owes, rounded half-up to the currency's precision; a difference
 * below one unit of the currency is booked with it (recorded as `rounding`), so such a payment books
 * in full. Only a surplus of at least one unit is split off and stays on the bank transaction.
 */
export function planBooking(
  order: BookingOrder,
  assigned: { amount: Money; currency_code: string },
  capturableProviders: readonly string[] = DEFAULT_CAPTURABLE_PROVIDERS
): BookingPlan | BookingRefusal {
  const label = order.display_id == null ? order.id : `#${order.display_id}`
  const currency = order.currency_code.toUpperCase()
  if (assigned.currency_code.toLowerCase() !== order.currency_code.toLowerCase()) {
    return { refused: `The payment is in ${assigned.currency_code.toUpperCase()} but order ${label} in ${currency}; remove this assignment.` }
  }
  const owed = exactOf(pendingOf(order))
  if (decimal(owed).lte(0)) {
    return { refused: `Order ${label} owes nothing any more; remove this assignment, the payment stays open for another order or a refund.` }
  }
  const digits = currencyDigits(currency)
  const unit = decimal(1).shiftedBy(-digits)
  const wanted = exactOf(assigned.amount)
  const bookable = minOf(wanted, owed)
  if (roundTo(bookable, digits).lt(unit)) {
    return { refused: `The amount is less than ${unit.toFixed(digits)} ${currency}, the smallest amount order ${label} can be paid with; remove this assignment.` }
  }
  const collections = order.payment_collections ?? []
  const live = collections.flatMap((c) => (c.payments ?? []).filter((p) => !p.canceled_at && decimal(capturableOf(p)).gt(0)).map((p) => ({ collection: c, payment: p })))
  const capturable = live.find(({ payment }) => isCapturableProvider(payment.provider_id, capturableProviders))
  if (capturable) {
    return plan("capture_authorized", capturable.collection.id, wanted, owed, capturableOf(capturable.payment), digits, { payment_id: capturable.payment.id })
  }
  const foreign = live[0]
  if (foreign) {
    return { refused: `Order ${label} is authorized by ${providerLabel(foreign.payment.provider_id)}; cancel that authorization or refund the transfer.` }
  }
  for (const collection of collections) {
    const session = (collection.payment_sessions ?? []).find(
      (s) => s.provider_id.startsWith(BANK_TRANSFER_PROVIDER_PREFIX) && s.status === "pending_authorization"
    )
    if (session && !["canceled", "failed"].includes(collection.status)) {
      return plan("bank_transfer", collection.id, wanted, owed, exactOf(session.amount), digits, { payment_session_id: session.id })
    }
  }
  const unpaid = collections.find((c) => c.status === "not_paid")
  if (unpaid) {
    const total = exactOf(unpaid.amount)
    const systemSession = {
      amount: exact(decimal(total), digits),
      currency_code: unpaid.currency_code ?? order.currency_code,
      replaces: (unpaid.payment_sessions ?? []).map((s) => s.id),
    }
    const planned = plan("system_session", unpaid.id, wanted, owed, total, digits, { system_session: systemSession })
    return decimal(planned.amount).eq(total) ? { ...planned, mode: "mark_paid" } : planned
  }
  return { refused: `Order ${label} has no payment that can take this money; create a payment collection for it in Medusa, then book again.` }
}

export function isRefusal(result: BookingPlan | BookingRefusal): result is BookingRefusal {
  return "refused" in result
}

/** Whether a provider is listed: by its id, or by its start up to an underscore ("pp_stripe" for "pp_stripe_stripe"). */
export function isCapturableProvider(providerId: string, capturableProviders: readonly string[]): boolean {
  return capturableProviders.some((p) => providerId === p || providerId.startsWith(`${p}_`))
}

/** "pp_stripe_stripe" → "stripe (pp_stripe_stripe)": the name an operator knows, and the id to look up. */
function providerLabel(providerId: string): string {
  return `${providerId.replace(/^pp_/, "").split("_")[0] || providerId} (${providerId})`
}

/**
 * The amounts of one booking. `room` is what the chosen payment, session or collection can take.
 * Exported for the booking run that finds its own capture made but not recorded: it books what was
 * captured (`captured`) the same way.
 */
export function bookingAmounts(wanted: Money, owed: Money, room: Money, digits: number, captured?: Money) {
  const exactWanted = exactOf(wanted)
  const bookable = minOf(exactWanted, exactOf(owed))
  const amount = captured == null ? minOf(roundTo(bookable, digits), exactOf(room)) : decimal(exactOf(captured))
  const unit = decimal(1).shiftedBy(-digits)
  const over = decimal(exactWanted).minus(amount)
  // less than one unit apart: the whole assignment is this capture (nothing a bank could pay back)
  const booked = over.abs().lt(unit) ? decimal(exactWanted) : amount
  return {
    amount: amount.toFixed(digits),
    booked_amount: exact(booked, digits),
    rounding: exact(booked.minus(amount), digits),
    surplus: exact(decimal(exactWanted).minus(booked), digits),
  }
}

function plan(
  mode: BookingMode,
  collectionId: string,
  wanted: string,
  owed: string,
  room: string,
  digits: number,
  ids: { payment_id?: string; payment_session_id?: string; system_session?: BookingPlan["system_session"] }
): BookingPlan {
  return {
    mode,
    payment_collection_id: collectionId,
    payment_id: ids.payment_id ?? null,
    payment_session_id: ids.payment_session_id ?? null,
    ...bookingAmounts(wanted, owed, room, digits),
    system_session: ids.system_session ?? null,
  }
}

function roundTo(value: Decimal, digits: number): Decimal {
  return decimal(value.toFixed(digits))
}

/** An exact decimal string with at least the currency's places: "31.005", "31.00". */
function exact(value: Decimal, digits: number): string {
  return value.toFixed(Math.max(digits, value.decimalPlaces() ?? 0))
}

function exactOf(value: Money): string {
  return decimal(value).toFixed()
}

function pendingOf(order: BookingOrder): Money {
  const summary = order.summary ?? {}
  return summary.raw_pending_difference ?? summary.pending_difference
}

function capturableOf(payment: NonNullable<BookingCollection["payments"]>[number]): string {
  return decimal(payment.amount).minus(sumOf((payment.captures ?? []).map((c) => c.amount))).toFixed()
}
