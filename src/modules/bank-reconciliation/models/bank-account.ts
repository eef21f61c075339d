import { model } from "@medusajs/framework/utils"
import { BankConnection } from "./bank-connection"
import { BankTransaction } from "./bank-transaction"

/**
 * A bank account: under a finAPI connection (import_cursor is the finAPI import date read up to), or
 * "file-only", known from an uploaded statement file and without connection.
 */
export const BankAccount = model
  .define("bank_account", {
    id: model.id({ prefix: "bacc" }).primaryKey(),
    source: model.enum(["finapi", "file"]).default("finapi"),
    finapi_account_id: model.text().nullable(),
    iban: model.text().searchable().nullable(),
    account_number: model.text().nullable(),
    name: model.text().nullable(),
    holder: model.text().nullable(),
    currency_code: model.text().nullable(),
    account_type: model.text().nullable(),
    balance: model.bigNumber().nullable(),
    balance_at: model.dateTime().nullable(),
    import_enabled: model.boolean().default(true),
    import_cursor: model.dateTime().nullable(),
    last_imported_at: model.dateTime().nullable(),
    // sha256 of the finAPI notification callback handle for NEW_TRANSACTIONS
    notification_handle_hash: model.text().nullable(),
    finapi_notification_rule_id: model.text().nullable(),
    // a NEW_TRANSACTIONS push waiting for the worker's import (set once however often finAPI replays it)
    notified_at: model.dateTime().nullable(),
    metadata: model.json().nullable(),
    connection: model.belongsTo(() => BankConnection, { mappedBy: "accounts" }).nullable(),
    transactions: model.hasMany(() => BankTransaction, { mappedBy: "account" }),
  })
  .indexes([
    {
      name: "IDX_bank_account_connection_finapi_id_unique",
      on: ["connection_id", "finapi_account_id"],
      unique: true,
    },
    { name: "IDX_bank_account_iban", on: ["iban"] },
  ])
