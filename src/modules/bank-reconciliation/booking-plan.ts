/**
 * How one confirmed assignment is booked into Medusa: which payment path, how much (never more than
 * the order owes) and what surplus stays on the bank transaction. Pure: the book workflow loads the
 * rows under a lock and calls planBooking.
 */
import { MathBN } from "@medusajs/framework/utils"
import { toDecimal } from "./open-items"

type Money = number | string | { value?: string | number } | null | undefined

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

export type BookingMode = "capture_authorized" | "bank_transfer" | "mark_paid" | "system_session"

export type BookingPlan = {
  mode: BookingMode
  payment_collection_id: string
  /** set for capture_authorized */
  payment_id: string | null
  /** set for bank_transfer */
  payment_session_id: string | null
  /** what is captured, as a decimal string with two places */
  amount: string
  /** what the assignment brings beyond what the order owes; stays on the bank transaction */
  surplus: string
  /**
   * set for mark_paid and system_session: the system-provider session to open for the collection's
   * amount, and the collection's existing sessions it replaces (Medusa keeps one session per collection)
   */
  system_session: { amount: string; currency_code: string; replaces: string[] } | null
}

export type BookingRefusal = { refused: string }

/**
 * Picks the booking path for `assigned` money on `order`: capture an authorized payment that still has
 * room, else authorize the waiting bank-transfer session, else settle a `not_paid` collection (mark
 * paid when the amount is exactly the collection's, a system-provider session for less). Caps at what
 * the order owes; refuses, saying why, when nothing is owed or nothing can take the money.
 */
export function planBooking(order: BookingOrder, assigned: { amount: Money; currency_code: string }): BookingPlan | BookingRefusal {
  const label = order.display_id == null ? order.id : `#${order.display_id}`
  if (assigned.currency_code.toLowerCase() !== order.currency_code.toLowerCase()) {
    return { refused: `The payment is in ${assigned.currency_code.toUpperCase()} but order ${label} in ${order.currency_code.toUpperCase()}; remove this assignment.` }
  }
  const owed = pendingOf(order)
  if (MathBN.lte(owed, 0)) {
    return { refused: `Order ${label} owes nothing any more; remove this assignment, the payment stays open for another order or a refund.` }
  }
  const wanted = toDecimal(assigned.amount)
  const bookable = MathBN.min(wanted, owed)
  const collections = order.payment_collections ?? []

  for (const collection of collections) {
    for (const payment of collection.payments ?? []) {
      const room = capturableOf(payment)
      if (!payment.canceled_at && MathBN.gt(room, 0)) {
        return plan("capture_authorized", collection.id, wanted, MathBN.min(bookable, room), { payment_id: payment.id })
      }
    }
  }
  for (const collection of collections) {
    const session = (collection.payment_sessions ?? []).find(
      (s) => s.provider_id.startsWith(BANK_TRANSFER_PROVIDER_PREFIX) && s.status === "pending_authorization"
    )
    if (session && !["canceled", "failed"].includes(collection.status)) {
      return plan("bank_transfer", collection.id, wanted, MathBN.min(bookable, toDecimal(session.amount)), { payment_session_id: session.id })
    }
  }
  const unpaid = collections.find((c) => c.status === "not_paid")
  if (unpaid) {
    const amount = MathBN.min(bookable, toDecimal(unpaid.amount))
    const systemSession = {
      amount: toDecimal(unpaid.amount),
      currency_code: unpaid.currency_code ?? order.currency_code,
      replaces: (unpaid.payment_sessions ?? []).map((s) => s.id),
    }
    return plan(MathBN.eq(amount, toDecimal(unpaid.amount)) ? "mark_paid" : "system_session", unpaid.id, wanted, amount, { system_session: systemSession })
  }
  return { refused: `Order ${label} has no payment that can take this money; create a payment collection for it in Medusa, then book again.` }
}

export function isRefusal(result: BookingPlan | BookingRefusal): result is BookingRefusal {
  return "refused" in result
}

function plan(
  mode: BookingMode,
  collectionId: string,
  wanted: string,
  amount: ReturnType<typeof MathBN.convert>,
  ids: { payment_id?: string; payment_session_id?: string; system_session?: BookingPlan["system_session"] }
): BookingPlan {
  return {
    mode,
    payment_collection_id: collectionId,
    payment_id: ids.payment_id ?? null,
    payment_session_id: ids.payment_session_id ?? null,
    amount: amount.toFixed(2),
    surplus: MathBN.sub(wanted, amount).toFixed(2),
    system_session: ids.system_session ?? null,
  }
}

function pendingOf(order: BookingOrder): string {
  const summary = order.summary ?? {}
  return toDecimal(summary.raw_pending_difference ?? summary.pending_difference)
}

function capturableOf(payment: NonNullable<BookingCollection["payments"]>[number]): string {
  const captured = (payment.captures ?? []).reduce((sum, c) => MathBN.add(sum, toDecimal(c.amount)), MathBN.convert(0))
  return MathBN.sub(toDecimal(payment.amount), captured).toFixed(2)
}
