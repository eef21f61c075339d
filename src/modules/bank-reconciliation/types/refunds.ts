/** A payment whose surplus can be refunded (listRefundCandidates); money as decimal strings. */
export type RefundCandidate = {
  id: string
  amount: string
  surplus: string
  currency_code: string
  booking_date: Date
  purpose: string | null
  counterpart_name: string | null
  counterpart_iban: string | null
  counterpart_bic: string | null
  status: string
  reason: "cancelled_order" | "duplicate" | "overpayment" | "no_order"
  order_id: string | null
}

/** A refund file and its items as recordRefundExport stores them. */
export type RefundExportRecord = {
  message_id: string
  file_name: string
  format: string
  currency_code: string
  total: string
  count: number
  debtor_iban: string
  debtor_name: string
  xml: string
  created_by: string | null
  items: {
    transaction_id: string
    order_id: string | null
    reason: string
    amount: string
    creditor_iban: string
    creditor_bic: string | null
    creditor_name: string
    end_to_end_id: string
  }[]
}

/** Which refund candidates to list: some payments, or a page of all. */
export type RefundCandidateFilter = { ids?: string[]; limit?: number; offset?: number }
