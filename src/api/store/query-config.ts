/** Payment-session fields the bank-transfer instructions are built from. */
export const BANK_TRANSFER_SESSION_FIELDS = ["id", "provider_id", "status", "amount", "raw_amount", "currency_code", "data"]
