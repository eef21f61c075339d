import type { RefundCandidate as HttpRefundCandidate } from "../../../types/http"

/** A payment whose surplus can be refunded (listRefundCandidates); money as decimal strings, the booking date a Date (the route's JSON sends it as an ISO string). */
export type RefundCandidate = HttpRefundCandidate<Date>

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
