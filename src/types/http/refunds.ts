// Bodies of /admin/bank-reconciliation/refunds and refunds/candidates, as the routes send them and
// the admin reads them. Types only, no imports: the admin imports them with `import type`.

export type RefundReason = "cancelled_order" | "duplicate" | "overpayment" | "no_order"

/**
 * A payment whose surplus can be refunded (GET refunds/candidates); money as decimal strings.
 * `At` is the booking date's type: the module returns a Date, JSON sends an ISO string.
 */
export type RefundCandidate<At = string> = {
  id: string
  amount: string
  surplus: string
  currency_code: string
  booking_date: At
  purpose: string | null
  counterpart_name: string | null
  counterpart_iban: string | null
  counterpart_bic: string | null
  status: string
  reason: RefundReason
  order_id: string | null
}

/** An exported refund file with its items (GET refunds, POST refunds). */
export type RefundExport = {
  id: string
  message_id: string
  file_name: string
  total: number
  count: number
  currency_code: string
  debtor_iban: string
  created_at: string
  items: { id: string; transaction_id: string; amount: number; creditor_name: string; creditor_iban: string }[]
}
