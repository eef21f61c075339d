import { model } from "@medusajs/framework/utils"

/** One import run: what triggered it, the window it read, and what it found. */
export const SyncRun = model
  .define("sync_run", {
    id: model.id({ prefix: "bsync" }).primaryKey(),
    interface_id: model.text().nullable(),
    account_id: model.text().nullable(),
    trigger: model.enum(["job", "operator", "webhook", "cli"]),
    source: model.enum(["finapi", "file"]).default("finapi"),
    // the statement file a file import read
    file_name: model.text().nullable(),
    // entries of a file not imported, by reason: { debit: 3, reversal: 1, not_booked: 2 }
    left_out: model.json().nullable(),
    triggered_by: model.text().nullable(),
    status: model.enum(["running", "succeeded", "partially_failed", "failed", "skipped"]).default("running"),
    window_from: model.dateTime().nullable(),
    window_to: model.dateTime().nullable(),
    fetched_count: model.number().default(0),
    imported_count: model.number().default(0),
    duplicate_count: model.number().default(0),
    filtered_count: model.number().default(0),
    matched_count: model.number().default(0),
    booked_count: model.number().default(0),
    errors: model.json().nullable(),
    skipped: model.json().nullable(),
    started_at: model.dateTime(),
    finished_at: model.dateTime().nullable(),
    duration_ms: model.number().nullable(),
  })
  .indexes([
    { name: "IDX_sync_run_started_at", on: ["started_at"] },
    { name: "IDX_sync_run_account_id", on: ["account_id"] },
  ])
