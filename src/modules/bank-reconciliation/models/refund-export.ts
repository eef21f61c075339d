import { model } from "@medusajs/framework/utils"
import { RefundExportItem } from "./refund-export-item"

/** One SEPA credit transfer file (pain.001) of refunds, kept so it can be downloaded again. */
export const RefundExport = model.define("refund_export", {
  id: model.id({ prefix: "rfx" }).primaryKey(),
  // the file's GrpHdr/MsgId and its name
  message_id: model.text().unique(),
  file_name: model.text(),
  format: model.text(),
  currency_code: model.text(),
  total: model.bigNumber(),
  count: model.number(),
  debtor_iban: model.text(),
  debtor_name: model.text(),
  xml: model.text(),
  created_by: model.text().nullable(),
  items: model.hasMany(() => RefundExportItem, { mappedBy: "export" }),
})
