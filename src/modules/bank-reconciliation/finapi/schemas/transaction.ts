import { z } from "zod"
import { PagingSchema } from "./paging"

/** V2 calendar dates (`valueDate`, `bankBookingDate`, `finapiBookingDate`) are `YYYY-MM-DD`. */
export const FinapiDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

/** `view` is required on `GET /api/v2/transactions`: bank's original rows or the user's split view. */
export const TransactionViewSchema = z.enum(["bankView", "userView"])
export type TransactionView = z.infer<typeof TransactionViewSchema>

/** `income` = amount ≥ 0, `spending` = amount < 0. */
export const TransactionDirectionSchema = z.enum(["income", "spending", "all"])
export type TransactionDirection = z.infer<typeof TransactionDirectionSchema>

/** Fields `order=field[,asc|desc]` may name. */
export const TRANSACTION_ORDER_FIELDS = [
  "id", "parentId", "accountId", "valueDate", "bankBookingDate", "finapiBookingDate", "amount",
  "purpose", "counterpartName", "counterpartAccountNumber", "counterpartIban", "counterpartBlz",
  "counterpartBic", "type", "primanota", "category.id", "category.name", "isPotentialDuplicate",
  "isNew", "importDate",
] as const
export type TransactionOrderField = (typeof TRANSACTION_ORDER_FIELDS)[number]

/** Transaction category (single, finAPI's own categorization). */
export const CategorySchema = z.looseObject({
  id: z.number().int(),
  name: z.string(),
  parentId: z.number().int().nullish(),
  parentName: z.string().nullish(),
  isCustom: z.boolean().nullish(),
  children: z.array(z.number().int()).nullish(),
})

/** finAPI `Transaction` (V2). Amounts are signed JSON numbers on the wire; the client turns them into decimal strings. */
export const TransactionSchema = z.looseObject({
  id: z.number().int(),
  parentId: z.number().int().nullish(),
  accountId: z.number().int(),
  valueDate: FinapiDateSchema,
  bankBookingDate: FinapiDateSchema,
  finapiBookingDate: FinapiDateSchema,
  amount: z.number(),
  currency: z.string().nullish(),
  purpose: z.string().nullish(),
  counterpartName: z.string().nullish(),
  counterpartAccountNumber: z.string().nullish(),
  counterpartIban: z.string().nullish(),
  counterpartBlz: z.string().nullish(),
  counterpartBic: z.string().nullish(),
  counterpartBankName: z.string().nullish(),
  counterpartMandateReference: z.string().nullish(),
  counterpartCustomerReference: z.string().nullish(),
  counterpartCreditorId: z.string().nullish(),
  counterpartDebitorId: z.string().nullish(),
  type: z.string().nullish(),
  typeCodeZka: z.string().nullish(),
  typeCodeSwift: z.string().nullish(),
  sepaPurposeCode: z.string().nullish(),
  bankTransactionCode: z.string().nullish(),
  bankTransactionCodeDescription: z.string().nullish(),
  primanota: z.string().nullish(),
  category: CategorySchema.nullish(),
  labels: z.array(z.looseObject({ id: z.number().int(), name: z.string() })).nullish(),
  isPotentialDuplicate: z.boolean(),
  isAdjustingEntry: z.boolean(),
  isNew: z.boolean(),
  importDate: z.string(),
  children: z.array(z.number().int()).nullish(),
  paypalData: z.looseObject({}).nullish(),
  certisData: z.looseObject({}).nullish(),
  endToEndReference: z.string().nullish(),
  compensationAmount: z.number().nullish(),
  originalAmount: z.number().nullish(),
  originalCurrency: z.string().nullish(),
  feeAmount: z.number().nullish(),
  feeCurrency: z.string().nullish(),
  differentDebitor: z.string().nullish(),
  differentCreditor: z.string().nullish(),
})
export type Transaction = z.infer<typeof TransactionSchema>

/** `GET /api/v2/transactions` body; `income/spending/balance` are sums over all pages of the filter. */
export const PageableTransactionListSchema = z.looseObject({
  transactions: z.array(TransactionSchema),
  paging: PagingSchema,
  income: z.number().nullish(),
  spending: z.number().nullish(),
  balance: z.number().nullish(),
})
export type PageableTransactionList = z.infer<typeof PageableTransactionListSchema>

/** One transaction to inject via `POST /api/v2/tests/mockBatchUpdate` (sandbox only). */
export const NewTransactionSchema = z.looseObject({
  amount: z.number(),
  currency: z.string().nullish(),
  originalAmount: z.number().nullish(),
  originalCurrency: z.string().nullish(),
  purpose: z.string().nullish(),
  counterpart: z.string().nullish(),
  counterpartIban: z.string().nullish(),
  counterpartBlz: z.string().nullish(),
  counterpartBic: z.string().nullish(),
  counterpartAccountNumber: z.string().nullish(),
  bookingDate: FinapiDateSchema.nullish(),
  valueDate: FinapiDateSchema.nullish(),
  type: z.string().nullish(),
  typeId: z.number().int().nullish(),
  typeCodeSwift: z.string().nullish(),
  sepaPurposeCode: z.string().nullish(),
  counterpartMandateReference: z.string().nullish(),
  counterpartCreditorId: z.string().nullish(),
  counterpartCustomerReference: z.string().nullish(),
  counterpartDebitorId: z.string().nullish(),
  endToEndReference: z.string().nullish(),
})
export type NewTransaction = z.infer<typeof NewTransactionSchema>

/** Body of `POST /api/v2/tests/mockBatchUpdate` (finAPI sandbox's scenario hook; 403 on live). */
export const MockBatchUpdateParamsSchema = z.looseObject({
  mockBankConnectionUpdates: z.array(
    z.looseObject({
      bankConnectionId: z.number().int(),
      // required by Access V2 (V1 called it `interface` and let it default)
      bankingInterface: z.enum(["XS2A", "FINTS_SERVER", "WEB_SCRAPER"]),
      simulateBankLoginError: z.boolean().optional(),
      mockAccountsData: z
        .array(
          z.looseObject({
            accountId: z.number().int(),
            accountBalance: z.number(),
            newTransactions: z.array(NewTransactionSchema).optional(),
          })
        )
        .optional(),
    })
  ),
  triggerNotifications: z.boolean().optional(),
})
export type MockBatchUpdateParams = z.infer<typeof MockBatchUpdateParamsSchema>
