import { model } from "@medusajs/framework/utils"
import { RefundExport } from "./refund-export"

export const REFUND_REASONS = ["overpayment", "duplicate", "cancelled_order", "no_order"] as const

/**
 * What one payment's refund put in a file. The unique transaction_id is what keeps a payment from
 * being refunded twice, even by two exports started at the same moment.
 */
export const RefundExportItem = model
  .define("refund_export_item", {
    id: model.id({ prefix: "rfxi" }).primaryKey(),
    transaction_id: model.text(),
    order_id: model.text().nullable(),
    reason: model.enum([...REFUND_REASONS]),
    amount: model.bigNumber(),
    creditor_iban: model.text(),
    creditor_bic: model.text().nullable(),
    creditor_name: model.text(),
    end_to_end_id: model.text(),
    export: model.belongsTo(() => RefundExport, { mappedBy: "items" }),
  })
  .indexes([{ name: "IDX_refund_export_item_transaction_unique", on: ["transaction_id"], unique: true }])
  .checks([{ name: "refund_export_item_amount_positive", expression: (columns) => `${columns.amount} > 0` }])
