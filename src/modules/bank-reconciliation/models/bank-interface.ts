import { model } from "@medusajs/framework/utils"
import { BankConnection } from "./bank-connection"

/** An online-banking interface: one finAPI user that holds the shop's bank connections. */
export const BankInterface = model
  .define("bank_interface", {
    id: model.id({ prefix: "bint" }).primaryKey(),
    name: model.text().searchable(),
    description: model.text().nullable(),
    finapi_user_id: model.text().nullable(),
    // AES-256-GCM envelope (see secret-box.ts); never returned by the API.
    encrypted_password: model.text().nullable(),
    status: model.enum(["not_connected", "connected", "error"]).default("not_connected"),
    last_error: model.text().nullable(),
    connected_at: model.dateTime().nullable(),
    metadata: model.json().nullable(),
    connections: model.hasMany(() => BankConnection, { mappedBy: "interface" }),
  })
  .indexes([
    {
      name: "IDX_bank_interface_finapi_user_id_unique",
      on: ["finapi_user_id"],
      unique: true,
      where: "finapi_user_id IS NOT NULL AND deleted_at IS NULL",
    },
  ])
