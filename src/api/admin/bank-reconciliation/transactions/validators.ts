import { z } from "@medusajs/framework/zod"
import { BANK_TRANSACTION_STATUSES } from "../../../../modules/bank-reconciliation/models/bank-transaction"
import { calendarDate, decimalAmount, entityId, lineText } from "../../../input/primitives"
import { listParams } from "../list-query"

export const AdminListBankTransactions = listParams({ order: "-booking_date" }, {
  status: z.union([z.enum(BANK_TRANSACTION_STATUSES), z.array(z.enum(BANK_TRANSACTION_STATUSES))]).optional(),
  account_id: entityId.optional(),
  booking_date_from: calendarDate.optional(),
  booking_date_to: calendarDate.optional(),
  amount_min: decimalAmount.optional(),
  amount_max: decimalAmount.optional(),
  q: lineText(100).optional(),
  potential_duplicate: z.enum(["true", "false"]).optional(),
  sync_run_id: entityId.optional(),
  // fully processed = booked or ignored; "false" is the review list's default
  processed: z.enum(["true", "false"]).optional(),
  // the sortable columns (each with an index, id as the tie-breaker); newest booking first by default
  order: z.enum(["booking_date", "-booking_date", "amount", "-amount"]).default("-booking_date"),
})
export type AdminListBankTransactionsType = z.infer<typeof AdminListBankTransactions>

export const AdminImportBankTransactions = z
  .object({
    account_id: entityId.optional(),
    booking_date_from: calendarDate.optional(),
    booking_date_to: calendarDate.optional(),
  })
  .refine((b) => !b.booking_date_from || !b.booking_date_to || b.booking_date_from <= b.booking_date_to, {
    message: "booking_date_from must not be after booking_date_to",
    path: ["booking_date_from"],
  })
export type AdminImportBankTransactionsType = z.infer<typeof AdminImportBankTransactions>

export const AdminListSyncRuns = listParams({ order: "-started_at", limit: 20 }, {
  account_id: entityId.optional(),
  status: z.enum(["running", "succeeded", "partially_failed", "failed", "skipped"]).optional(),
})
export type AdminListSyncRunsType = z.infer<typeof AdminListSyncRuns>

// a payment's audit trail, oldest first; the admin reads it whole (a payment has a few entries)
export const AdminListPaymentEvents = listParams({ limit: 200 }, { order: z.enum(["at", "-at"]).default("at") })
