// A refund file as the admin API returns it, with what it refunds.
export const REFUND_EXPORT_FIELDS = [
  "id", "message_id", "file_name", "format", "currency_code", "total", "count", "debtor_iban", "debtor_name", "created_by", "created_at",
  "items.id", "items.transaction_id", "items.order_id", "items.reason", "items.amount", "items.creditor_iban", "items.creditor_bic",
  "items.creditor_name", "items.end_to_end_id",
]

// The keys of a refund candidate row (the module's RefundCandidate), for `?fields=`.
export const REFUND_CANDIDATE_FIELDS = [
  "id", "amount", "surplus", "currency_code", "booking_date", "purpose", "counterpart_name", "counterpart_iban", "counterpart_bic", "status",
  "reason", "order_id",
]
