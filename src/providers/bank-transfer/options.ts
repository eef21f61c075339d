import { PluginError } from "../../lib/plugin-error"
import { z } from "@medusajs/framework/zod"
import { describeReferencePrefixProblem } from "../../lib/bank-transfer/payment-reference"
import { electronicIban, isValidBic, isValidIban } from "../../lib/bank-transfer/iban"

/** Options of the bank-transfer provider, as given in medusa-config (payment module, providers[].options). */
export const BankTransferOptionsSchema = z.object({
  iban: z
    .string({ error: "is required: the IBAN customers transfer to, e.g. \"DE89 3704 0044 0532 0130 00\"" })
    .transform(electronicIban)
    .refine(isValidIban, { message: "is not a valid IBAN (shape or mod-97 check digits); copy it from a bank statement" }),
  bic: z
    .string()
    .transform(electronicIban)
    .refine(isValidBic, { message: "must be an 8- or 11-character BIC, e.g. \"COBADEFFXXX\"" })
    .optional(),
  accountHolder: z
    .string({ error: "is required: the account holder's name as the bank knows it" })
    .trim()
    .min(1, { message: "must not be empty" })
    .max(70, { message: "must be at most 70 characters (the EPC QR code's limit)" }),
  referencePrefix: z
    .string()
    .superRefine((prefix, ctx) => {
      const problem = describeReferencePrefixProblem(prefix)
      if (problem) {
        ctx.addIssue({ code: "custom", message: problem })
      }
    })
    .optional(),
})

export type BankTransferOptions = z.infer<typeof BankTransferOptionsSchema>

/** Parses the provider options or throws one invalid_data error naming every field that is wrong. */
export function parseBankTransferOptions(options: unknown): BankTransferOptions {
  const parsed = BankTransferOptionsSchema.safeParse(options ?? {})
  if (parsed.success) {
    return parsed.data
  }
  const problems = parsed.error.issues
    .map((issue) => `${issue.path.length ? issue.path.join(".") : "(options)"} ${issue.message}`)
    .join("; ")
  throw new PluginError(
    "invalid_data",
    `Bank-transfer payment provider: invalid options: ${problems}. Fix them in medusa-config (payment module, provider "bank-transfer").`
  )
}
