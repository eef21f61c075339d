import { z } from "zod"
import { PagingSchema } from "./paging"

/** A URL the operator's browser may open: http(s) only (no `javascript:`, `data:` …); it goes into href and window.open. */
export const httpUrl = z.string().refine(
  (value) => {
    try {
      return ["https:", "http:"].includes(new URL(value).protocol)
    } catch {
      return false
    }
  },
  { message: "url must be an http(s) URL" }
)

/** Web Form account types are UPPER_SNAKE (the Access API spells them CamelCase). */
export const WebFormAccountTypeSchema = z.enum([
  "BAUSPAREN", "CHECKING", "CREDIT_CARD", "LOAN", "MEMBERSHIP", "SAVINGS", "SECURITY",
])
export type WebFormAccountType = z.infer<typeof WebFormAccountTypeSchema>

export const WebFormInterfaceSchema = z.enum(["XS2A", "FINTS_SERVER", "WEB_SCRAPER"])

/** Lifecycle: NOT_YET_OPENED → IN_PROGRESS → one of the four final states. */
export const WebFormStatusSchema = z.enum([
  "NOT_YET_OPENED", "IN_PROGRESS", "COMPLETED", "COMPLETED_WITH_ERROR", "ABORTED", "EXPIRED",
])
export type WebFormStatus = z.infer<typeof WebFormStatusSchema>

/** Final statuses after which a form never changes again. */
export const FINAL_WEB_FORM_STATUSES: readonly WebFormStatus[] = [
  "COMPLETED", "COMPLETED_WITH_ERROR", "ABORTED", "EXPIRED",
]

export const WebFormTypeSchema = z.enum([
  "BANK_CONNECTION_IMPORT", "BANK_CONNECTION_UPDATE", "PAYMENT_WITH_ACCOUNT_ID",
  "STANDALONE_PAYMENT", "STANDING_ORDER", "DIRECT_DEBIT_WITH_ACCOUNT_ID",
])
export type WebFormType = z.infer<typeof WebFormTypeSchema>

/** Known `payload.errorCode` values; the schema accepts any string because finAPI says the enum may grow. */
export const WEB_FORM_PAYLOAD_ERROR_CODES = [
  "ENTITY_EXISTS", "BANK_SERVER_REJECTION", "INTERNAL_ERROR", "INTERRUPTED", "INVALID_TOKEN",
  "MANDATOR_MISCONFIGURATION", "NO_ACCOUNTS_FOR_TYPE_LIST", "UNDETERMINED_BANK",
  "UNEXPECTED_ACCESS_RESPONSE", "UNSUPPORTED_FEATURE", "UNSUPPORTED_ORDER",
] as const

/** Result of a form; `bankConnectionId` may be set even after COMPLETED_WITH_ERROR. */
export const WebFormPayloadSchema = z.looseObject({
  bankConnectionId: z.number().int().nullish(),
  paymentId: z.number().int().nullish(),
  standingOrderId: z.number().int().nullish(),
  errorCode: z.string().nullish(),
  errorMessage: z.string().nullish(),
})
export type WebFormPayload = z.infer<typeof WebFormPayloadSchema>

/** Web Form 2.0 `WebForm`; timestamps use `yyyy-MM-dd'T'HH:mm:ss.SSSZ` (`+0000`, no colon). */
export const WebFormSchema = z.looseObject({
  id: z.string().min(1),
  url: httpUrl,
  createdAt: z.string(),
  expiresAt: z.string(),
  type: WebFormTypeSchema,
  status: WebFormStatusSchema,
  payload: WebFormPayloadSchema.nullish(),
})
export type WebForm = z.infer<typeof WebFormSchema>

/** `GET /api/webForms` body. */
export const WebFormListSchema = z.looseObject({
  items: z.array(WebFormSchema),
  paging: PagingSchema,
})
export type WebFormList = z.infer<typeof WebFormListSchema>

/** Callback URLs; finAPI accepts HTTPS only (≤2048 chars). */
export const WebFormCallbacksSchema = z.looseObject({
  finalised: z.string().max(2048).optional(),
})

/** Body of `POST /api/webForms/bankConnectionImport`; `bank.id` and `bank.search` are mutually exclusive. */
export const BankConnectionImportRequestSchema = z.looseObject({
  bank: z
    .looseObject({ id: z.number().int().optional(), search: z.string().optional() })
    .refine((b) => !(b.id !== undefined && b.search !== undefined), {
      message: "bank.id and bank.search are mutually exclusive",
    })
    .optional(),
  bankConnectionName: z.string().min(1).max(64).optional(),
  skipBalancesDownload: z.boolean().optional(),
  skipPositionsDownload: z.boolean().optional(),
  loadOwnerData: z.boolean().optional(),
  maxDaysForDownload: z.number().int().min(0).max(3650).optional(),
  accountTypes: z.array(WebFormAccountTypeSchema).optional(),
  allowedInterfaces: z.array(WebFormInterfaceSchema).optional(),
  callbacks: WebFormCallbacksSchema.optional(),
  profileId: z.string().length(36).optional(),
  // Licensed mandators only; others get 422 INVALID_REDIRECT_URL (append ?redirectUrl= to the form URL instead).
  redirectUrl: z.string().optional(),
  allowTestBank: z.boolean().optional(),
})
export type BankConnectionImportRequest = z.infer<typeof BankConnectionImportRequestSchema>

/** Body finAPI POSTs to `callbacks.finalised` when a form reaches a final status (unsigned). */
export const WebFormCompletedCallbackSchema = z.looseObject({
  webFormId: z.string().min(1),
  status: WebFormStatusSchema,
})
export type WebFormCompletedCallback = z.infer<typeof WebFormCompletedCallbackSchema>
