// A refund file as the admin API returns it, with what it refunds.
export const REFUND_EXPORT_FIELDS = [
  "id", "message_id", "file_name", "format", "currency_code", "total", "count", "debtor_iban", "debtor_name", "created_by", "created_at",
  "items.id", "items.transaction_id", "items.order_id", "items.reason", "items.amount", "items.creditor_iban", "items.creditor_bic",
  "items.creditor_name", "items.end_to_end_id",
]
