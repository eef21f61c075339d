import { z } from "zod"
import { BankingInterfaceSchema } from "./bank"

/** Access API account types (CamelCase; the Web Form uses UPPER_SNAKE, see web-form.ts). */
export const AccountTypeSchema = z.enum([
  "Checking", "Savings", "CreditCard", "Security", "Loan", "Membership", "Bausparen",
])
export type AccountType = z.infer<typeof AccountTypeSchema>

/** `UPDATED_FIXED` means updated but an adjusting entry was inserted. */
export const AccountStatusSchema = z.enum([
  "UPDATED", "UPDATED_FIXED", "DOWNLOAD_IN_PROGRESS", "DOWNLOAD_FAILED", "DEPRECATED",
])
export type AccountStatus = z.infer<typeof AccountStatusSchema>

/** Per-interface state of an account. */
export const AccountInterfaceSchema = z.looseObject({
  bankingInterface: BankingInterfaceSchema,
  status: AccountStatusSchema,
  capabilities: z.array(z.string()).nullish(),
  paymentCapabilities: z.looseObject({}).nullish(),
  lastSuccessfulUpdate: z.string().nullish(),
  lastUpdateAttempt: z.string().nullish(),
})
export type AccountInterface = z.infer<typeof AccountInterfaceSchema>

/** finAPI `Account` (V2). Money fields are JSON numbers on the wire; the client converts them to decimal strings. */
export const AccountSchema = z.looseObject({
  id: z.number().int(),
  bankConnectionId: z.number().int(),
  accountName: z.string().nullish(),
  iban: z.string().nullish(),
  accountNumber: z.string().nullish(),
  subAccountNumber: z.string().nullish(),
  accountHolderName: z.string().nullish(),
  accountHolderId: z.string().nullish(),
  accountCurrency: z.string().nullish(),
  accountType: AccountTypeSchema,
  balance: z.number().nullish(),
  overdraft: z.number().nullish(),
  overdraftLimit: z.number().nullish(),
  availableFunds: z.number().nullish(),
  isNew: z.boolean().nullish(),
  isSeized: z.boolean().nullish(),
  interfaces: z.array(AccountInterfaceSchema).nullish(),
})
export type Account = z.infer<typeof AccountSchema>

/** `GET /api/v2/accounts` body (not paged). */
export const AccountListSchema = z.looseObject({
  accounts: z.array(AccountSchema),
})
export type AccountList = z.infer<typeof AccountListSchema>
