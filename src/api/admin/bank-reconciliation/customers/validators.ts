import { z } from "@medusajs/framework/zod"
import { LEARNED_PAYER_KINDS } from "../../../../modules/bank-reconciliation/models/learned-payer"
import { listParams } from "../list-query"

// The keys of a learned payer row, for `?fields=`.
export const LEARNED_PAYER_FIELDS = ["id", "customer_id", "kind", "value", "learned_from", "created_at"]

// a customer's payers: a few rows, the admin reads them all
export const AdminListLearnedPayers = listParams({ limit: 200 }, {
  order: z.enum(["kind", "-kind", "value", "-value", "learned_from", "-learned_from", "created_at", "-created_at"]).optional(),
})

export const AdminForgetLearnedPayer = z.object({
  kind: z.enum(LEARNED_PAYER_KINDS),
  value: z.string().trim().min(1, "name the IBAN or payer name to remove").max(200),
})
export type AdminForgetLearnedPayerType = z.infer<typeof AdminForgetLearnedPayer>
