import { z } from "@medusajs/framework/zod"
import { listParams } from "../list-query"

// the refund page reads the candidates at once (500), at most 1000; one order only: the module's
// query sorts by booking date, newest first (another order needs that query split out of the service)
export const AdminListRefundCandidates = listParams({ limit: 200, max: 1000 }, {
  order: z.enum(["-booking_date"]).optional(),
})
export type AdminListRefundCandidatesType = z.infer<typeof AdminListRefundCandidates>

export const AdminListRefundExports = listParams({ order: "-created_at" })
export type AdminListRefundExportsType = z.infer<typeof AdminListRefundExports>

export const AdminExportRefunds = z.object({
  transaction_ids: z.array(z.string().min(1)).min(1, "select at least one payment to refund").max(1000),
  bank_account_id: z.string().min(1, "bank_account_id: choose the shop account the refunds are paid from"),
})
export type AdminExportRefundsType = z.infer<typeof AdminExportRefunds>
