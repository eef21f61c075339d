import { z } from "@medusajs/framework/zod"
import { listParams } from "../list-query"

export const AdminListRefundCandidates = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  offset: z.coerce.number().int().min(0).default(0),
})
export type AdminListRefundCandidatesType = z.infer<typeof AdminListRefundCandidates>

export const AdminListRefundExports = listParams({ order: "-created_at" })
export type AdminListRefundExportsType = z.infer<typeof AdminListRefundExports>

export const AdminExportRefunds = z.object({
  transaction_ids: z.array(z.string().min(1)).min(1, "select at least one payment to refund").max(1000),
  bank_account_id: z.string().min(1, "bank_account_id: choose the shop account the refunds are paid from"),
})
export type AdminExportRefundsType = z.infer<typeof AdminExportRefunds>
