import { model } from "@medusajs/framework/utils"
import { BankAccount } from "./bank-account"
import { BankInterface } from "./bank-interface"

/**
 * A bank connection at finAPI (one bank login). A row exists from the moment the operator
 * opens the web form ("pending"), so the callback and polling can find it before finAPI
 * has assigned a bank connection id.
 */
export const BankConnection = model
  .define("bank_connection", {
    id: model.id({ prefix: "bcon" }).primaryKey(),
    finapi_bank_connection_id: model.text().nullable(),
    label: model.text().searchable(),
    bank_name: model.text().nullable(),
    bank_bic: model.text().nullable(),
    bank_code: model.text().nullable(),
    status: model
      .enum(["pending", "active", "consent_expiring", "consent_expired", "user_action_required", "failed", "disconnected"])
      .default("pending"),
    secrets_stored: model.boolean().default(false),
    consent_expires_at: model.dateTime().nullable(),
    user_action_required: model.boolean().default(false),
    update_status: model.text().nullable(),
    last_update_at: model.dateTime().nullable(),
    web_form_id: model.text().nullable(),
    web_form_url: model.text().nullable(),
    web_form_status: model
      .enum(["NOT_YET_OPENED", "IN_PROGRESS", "COMPLETED", "COMPLETED_WITH_ERROR", "ABORTED", "EXPIRED"])
      .nullable(),
    // sha256 of the per-form callback token; the token itself is only ever in the callback URL.
    web_form_token_hash: model.text().nullable(),
    last_error: model.text().nullable(),
    disconnected_at: model.dateTime().nullable(),
    metadata: model.json().nullable(),
    interface: model.belongsTo(() => BankInterface, { mappedBy: "connections" }),
    accounts: model.hasMany(() => BankAccount, { mappedBy: "connection" }),
  })
  .indexes([
    {
      name: "IDX_bank_connection_interface_finapi_id_unique",
      on: ["interface_id", "finapi_bank_connection_id"],
      unique: true,
      where: "finapi_bank_connection_id IS NOT NULL AND deleted_at IS NULL",
    },
    { name: "IDX_bank_connection_web_form_token_hash", on: ["web_form_token_hash"] },
  ])
