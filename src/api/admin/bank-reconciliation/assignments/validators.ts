import { z } from "@medusajs/framework/zod"
import { PAYMENT_ASSIGNMENT_STATUSES } from "../../../../modules/bank-reconciliation/models/payment-assignment"

import { amountFitsCurrency, currencyCode, entityId, lineText, positiveAmount as amount } from "../../../input/primitives"
import { listParams } from "../list-query"

export const AdminAutoAssign = z.object({ transaction_ids: z.array(entityId).min(1).max(5000).optional() })
export type AdminAutoAssignType = z.infer<typeof AdminAutoAssign>

export const AdminAssignTransaction = z.object({
  assignments: z.array(z.object({ order_id: entityId, amount })).min(1, "add at least one order").max(50),
})
export type AdminAssignTransactionType = z.infer<typeof AdminAssignTransaction>

export const AdminUpdateAssignment = z
  .object({ amount: amount.optional(), confirm: z.boolean().optional() })
  .refine((body) => body.amount !== undefined || body.confirm, { message: "give a new amount or confirm: true" })
export type AdminUpdateAssignmentType = z.infer<typeof AdminUpdateAssignment>

export const AdminIgnoreTransaction = z.object({ reason: lineText(500, "say why this payment is not for this shop") })
export type AdminIgnoreTransactionType = z.infer<typeof AdminIgnoreTransaction>

const statusFilter = z.union([z.enum(PAYMENT_ASSIGNMENT_STATUSES), z.array(z.enum(PAYMENT_ASSIGNMENT_STATUSES))])

export const AdminListAssignments = listParams({ order: "-created_at" }, {
  status: statusFilter.optional(),
  transaction_id: entityId.optional(),
  order_id: entityId.optional(),
  customer_id: entityId.optional(),
})
export type AdminListAssignmentsType = z.infer<typeof AdminListAssignments>

export const AdminSearchCustomers = z.object({
  q: lineText(100),
  limit: z.coerce.number().int().min(1).max(50).default(20),
})
export type AdminSearchCustomersType = z.infer<typeof AdminSearchCustomers>

export const AdminSearchOpenOrders = z
  .object({
    q: lineText(100).optional(),
    customer_id: entityId.optional(),
    amount: amount.optional(),
    currency: currencyCode.optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .refine((query) => amountFitsCurrency(query.amount, query.currency), {
    message: "has more decimals than the currency allows",
    path: ["amount"],
  })
export type AdminSearchOpenOrdersType = z.infer<typeof AdminSearchOpenOrders>
