import { model } from "@medusajs/framework/utils"
import { BankAccount } from "./bank-account"
import { PaymentAssignment } from "./payment-assignment"

export const BANK_TRANSACTION_STATUSES = [
  "unassigned",
  "proposed",
  "assigned",
  "partially_booked",
  "booked",
  "ignored",
] as const

/**
 * An incoming payment imported from finAPI or a statement file: imported once per (account, finAPI id)
 * and, across sources, once per (account, dedupe_key).
 */
export const BankTransaction = model
  .define("bank_transaction", {
    id: model.id({ prefix: "btx" }).primaryKey(),
    source: model.enum(["finapi", "file"]).default("finapi"),
    // finAPI's id, or "file:<dedupe_key>" for a payment read from a statement file
    finapi_transaction_id: model.text(),
    amount: model.bigNumber(),
    currency_code: model.text(),
    booking_date: model.dateTime(),
    value_date: model.dateTime().nullable(),
    import_date: model.dateTime().nullable(),
    purpose: model.text().searchable().nullable(),
    counterpart_name: model.text().searchable().nullable(),
    counterpart_iban: model.text().nullable(),
    counterpart_bic: model.text().nullable(),
    end_to_end_reference: model.text().nullable(),
    mandate_reference: model.text().nullable(),
    creditor_id: model.text().nullable(),
    // content fingerprint (IBAN, booking date, amount, E2E ref or purpose): catches re-delivery under a new id
    fingerprint: model.text(),
    // "<fingerprint>#<n>": the n-th payment of that content on the account, whichever source brought it
    dedupe_key: model.text().nullable(),
    creditor_reference: model.text().nullable(),
    bank_reference: model.text().nullable(),
    is_potential_duplicate: model.boolean().default(false),
    duplicate_of_id: model.text().nullable(),
    status: model.enum([...BANK_TRANSACTION_STATUSES]).default("unassigned"),
    assigned_amount: model.bigNumber().default(0),
    booked_amount: model.bigNumber().default(0),
    ignore_reason: model.text().nullable(),
    // held out of automatic assignment: "cancelled_order" (a late payment, held_order_id names the order) or "refunded"
    held_reason: model.text().nullable(),
    held_order_id: model.text().nullable(),
    sync_run_id: model.text().nullable(),
    // The hand-off from import to matching, in the database so it survives a crash and any process
    // can take it up: set when a payment is stored, cleared once auto-assign has seen it.
    needs_matching: model.boolean().default(true),
    // A worker's lease on a payment it is matching; an expired lease lets another take it over.
    matching_claimed_at: model.dateTime().nullable(),
    raw: model.json().nullable(),
    metadata: model.json().nullable(),
    account: model.belongsTo(() => BankAccount, { mappedBy: "transactions" }),
    assignments: model.hasMany(() => PaymentAssignment, { mappedBy: "transaction" }),
  })
  .indexes([
    {
      name: "IDX_bank_transaction_account_finapi_id_unique",
      on: ["account_id", "finapi_transaction_id"],
      unique: true,
    },
    { name: "IDX_bank_transaction_status_booking_date", on: ["status", "booking_date"] },
    { name: "IDX_bank_transaction_booking_date", on: ["booking_date"] },
    { name: "IDX_bank_transaction_fingerprint", on: ["fingerprint"] },
    {
      name: "IDX_bank_transaction_account_dedupe_key_unique",
      on: ["account_id", "dedupe_key"],
      unique: true,
      where: "dedupe_key is not null",
    },
    { name: "IDX_bank_transaction_needs_matching", on: ["id"], where: "needs_matching = true AND deleted_at IS NULL" },
    { name: "IDX_bank_transaction_sync_run_id", on: ["sync_run_id"] },
    // the open payments a newly placed order is looked up in, by amount
    { name: "IDX_bank_transaction_open_amount", on: ["amount"], where: "status IN ('unassigned', 'proposed') AND deleted_at IS NULL" },
  ])
  .checks([
    { name: "bank_transaction_amount_positive", expression: (columns) => `${columns.amount} > 0` },
  ])
