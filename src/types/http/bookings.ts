// Bodies of /admin/bank-reconciliation/bookings and orders/:id/bank-payments, as the routes send
// them and the admin reads them. Types only, no imports: the admin imports them with `import type`.

/**
 * A confirmed, not yet booked assignment (GET bookings). `At` is the booking date's type: the
 * route holds query's Date, which JSON sends as an ISO string, the type the admin reads.
 */
export type BookingRow<At = string> = {
  assignment_id: string
  order_id: string
  order_display_id: number | null
  customer_id: string | null
  customer_name: string | null
  customer_email: string | null
  amount: string
  currency_code: string
  source: "auto" | "manual"
  booking_error: string | null
  transaction: { id: string; booking_date: At | null; counterpart_name: string | null; purpose: string | null } | null
}

/** The rows of one customer (orders without a customer under their e-mail) with totals per currency. */
export type BookingGroup<At = string> = {
  customer_id: string | null
  customer_name: string | null
  customer_email: string | null
  count: number
  totals: Record<string, string>
  rows: BookingRow<At>[]
}

/** GET bookings (`?group_by=customer` adds groups). */
export type BookingList = { bookings: BookingRow[]; groups?: BookingGroup[]; totals: Record<string, string>; count: number; limit: number; offset: number }

/** One booked (or failed) line of POST bookings. */
export type BookingLineResult = {
  assignment_id: string
  status: "booked" | "failed"
  /** true when it had been booked before this call */
  already_booked?: boolean
  reason?: string
  order_id?: string
  /** how the line was booked: capture_authorized, bank_transfer, mark_paid, system_session or resumed (a capture found and recorded) */
  mode?: string
  amount?: string | null
  surplus?: string | null
  payment_id?: string | null
  capture_id?: string | null
}

/** POST bookings: each line, and how many were booked now, booked before, failed. */
export type BookAssignmentsResponse = { results: BookingLineResult[]; booked: number; already_booked: number; failed: number }

/** GET orders/:id/bank-payments: what the order widget shows. */
export type OrderBankPayments = {
  order_id: string
  display_id: number | null
  currency_code: string
  payment_reference: string
  total: string
  paid_by_bank_transfer: string
  outstanding: string
  assignments: {
    id: string
    status: "proposed" | "confirmed" | "booking" | "booked"
    source: "auto" | "manual"
    amount: string
    currency_code: string
    booked_at: string | null
    booking_error: string | null
    payment_id: string | null
    capture_id: string | null
    transaction: { id: string; booking_date: string | null; counterpart_name: string | null; counterpart_iban: string | null; purpose: string | null; amount: number } | null
  }[]
}
