import { z } from "@medusajs/framework/zod"
import { LEARNED_PAYER_KINDS } from "../../../../modules/bank-reconciliation/models/learned-payer"

export const AdminForgetLearnedPayer = z.object({
  kind: z.enum(LEARNED_PAYER_KINDS),
  value: z.string().trim().min(1, "name the IBAN or payer name to remove").max(200),
})
export type AdminForgetLearnedPayerType = z.infer<typeof AdminForgetLearnedPayer>
