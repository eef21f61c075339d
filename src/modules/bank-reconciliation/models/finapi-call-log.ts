import { model } from "@medusajs/framework/utils"

/** One call to finAPI made for an interface, for the operator's "Log" tab. Never holds a secret. */
export const FinapiCallLog = model
  .define("finapi_call_log", {
    id: model.id({ prefix: "fclog" }).primaryKey(),
    interface_id: model.text(),
    at: model.dateTime(),
    operation: model.text(),
    api: model.text(),
    method: model.text(),
    path: model.text(),
    outcome: model.enum(["ok", "error"]),
    http_status: model.number().nullable(),
    request_id: model.text(),
    attempts: model.number().default(1),
    duration_ms: model.number().default(0),
    error_kind: model.text().nullable(),
    error_code: model.text().nullable(),
    error_message: model.text().nullable(),
  })
  .indexes([{ name: "IDX_finapi_call_log_interface_at", on: ["interface_id", "at"] }])
