// Bodies of /admin/bank-reconciliation/orders/:id/prepayment, overview and
// customers/:id/learned-payers, as the routes send them and the admin reads them. Types only, no
// imports: the admin imports them with `import type`.

export type OrderNoticeKind = "payment_received" | "partial_payment_received" | "payment_reminder" | "cancelled_for_non_payment" | "surplus_refunded"

/** GET orders/:id/prepayment: the order widget's deadline, notices, cancellation and late payments. */
export type OrderPrepayment = {
  order_id: string
  deadline: string | null
  reminder_days: number[]
  notices: { id: string; kind: OrderNoticeKind; key: string; happened_at: string; sent: boolean; template: string | null; data: Record<string, any> | null }[]
  cancelled: { at: string; reason: string; deadline: string | null } | null
  late_payments: { id: string; amount: string; currency_code: string; booking_date: string; counterpart_name: string | null; refunded: boolean }[]
}

/** GET overview: the incoming-payments header's figures. */
export type Overview = {
  open: { currency_code: string; amount: string; count: number }[]
  auto_share_30d: { auto: number; total: number }
  to_book: { currency_code: string; amount: string; count: number }[]
  consents: { id: string; label: string; bank_name: string | null; status: string; consent_expires_at: string | null }[]
  last_run: { id: string; status: string; trigger: string; started_at: string; imported_count: number; duplicate_count: number; fetched_count: number } | null
  days: { day: string; incoming: number; matched: number }[]
}

/** A row of GET customers/:id/learned-payers: a payer IBAN or name known for the customer. */
export type LearnedPayer = { id: string | null; kind: "iban" | "name"; value: string; learned_from: "manual" | "confirmed" | "booked"; created_at: string | null }
