/** Payment-session fields the bank-transfer instructions are built from. */
export const BANK_TRANSFER_SESSION_FIELDS = ["id", "provider_id", "status", "amount", "raw_amount", "currency_code", "data"]

/** Order fields describeOrderBankTransfer needs (with getOrderDetailWorkflow), plus e-mail and customer. */
export const ORDER_BANK_TRANSFER_FIELDS = [
  "id",
  "display_id",
  "email",
  "customer_id",
  "currency_code",
  "total",
  "metadata",
  "summary.*",
  ...BANK_TRANSFER_SESSION_FIELDS.map((field) => `payment_collections.payment_sessions.${field}`),
]
