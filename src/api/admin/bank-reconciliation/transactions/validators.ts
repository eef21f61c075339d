import { z } from "@medusajs/framework/zod"
import { BANK_TRANSACTION_STATUSES } from "../../../../modules/bank-reconciliation/models/bank-transaction"

// a real day: 2026-02-30 and 2026-13-01 are refused here instead of failing in the database
function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`)
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)
}
const calendarDate = z.string().refine(isCalendarDate, { message: "use a date like 2026-11-21" })
const decimal = z.string().regex(/^\d+(\.\d{1,2})?$/, { message: "use an amount like 49.90" })

export const AdminListBankTransactions = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  status: z.union([z.enum(BANK_TRANSACTION_STATUSES), z.array(z.enum(BANK_TRANSACTION_STATUSES))]).optional(),
  account_id: z.string().optional(),
  booking_date_from: calendarDate.optional(),
  booking_date_to: calendarDate.optional(),
  amount_min: decimal.optional(),
  amount_max: decimal.optional(),
  q: z.string().trim().min(1).max(100).optional(),
  potential_duplicate: z.enum(["true", "false"]).optional(),
  sync_run_id: z.string().optional(),
  // fully processed = booked or ignored; "false" is the review list's default
  processed: z.enum(["true", "false"]).optional(),
  // the admin list's sortable columns; newest booking first by default
  order: z.enum(["booking_date", "-booking_date", "amount", "-amount"]).optional(),
})
export type AdminListBankTransactionsType = z.infer<typeof AdminListBankTransactions>

export const AdminImportBankTransactions = z
  .object({
    account_id: z.string().min(1).optional(),
    booking_date_from: calendarDate.optional(),
    booking_date_to: calendarDate.optional(),
  })
  .refine((b) => !b.booking_date_from || !b.booking_date_to || b.booking_date_from <= b.booking_date_to, {
    message: "booking_date_from must not be after booking_date_to",
  })
export type AdminImportBankTransactionsType = z.infer<typeof AdminImportBankTransactions>

export const AdminListSyncRuns = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(20),
  offset: z.coerce.number().int().min(0).default(0),
  account_id: z.string().optional(),
  status: z.enum(["running", "succeeded", "partially_failed", "failed", "skipped"]).optional(),
})
export type AdminListSyncRunsType = z.infer<typeof AdminListSyncRuns>
