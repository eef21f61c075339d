import { z } from "zod"

/** Access API `ErrorCode` values seen in V2; the schema accepts any string because the enum grows. */
export const ACCESS_ERROR_CODES = [
  "ADDITIONAL_AUTHENTICATION_REQUIRED", "BAD_REQUEST", "BANK_SERVER_REJECTION",
  "COLLECTIVE_MONEY_TRANSFER_NOT_SUPPORTED", "ENTITY_EXISTS", "FORBIDDEN",
  "IBAN_ONLY_DIRECT_DEBIT_NOT_SUPPORTED", "IBAN_ONLY_MONEY_TRANSFER_NOT_SUPPORTED",
  "ILLEGAL_ENTITY_STATE", "ILLEGAL_FIELD_VALUE", "ILLEGAL_PAGE_SIZE", "INVALID_CONSENT",
  "INVALID_FILTER_OPTIONS", "INVALID_ACCOUNT_TYPES", "INVALID_TOKEN", "INVALID_TWO_STEP_PROCEDURE",
  "LOCKED", "LOGIN_FIELDS_MISMATCH", "METHOD_NOT_ALLOWED", "MISSING_CREDENTIALS", "MISSING_FIELD",
  "MISSING_TWO_STEP_PROCEDURE", "NO_ACCOUNTS_FOR_TYPE_LIST", "NO_CERTIFICATE",
  "NO_EXISTING_CHALLENGE", "NO_TPP_CLIENT_CREDENTIALS", "NO_PSU_METADATA", "TOO_MANY_IDS",
  "UNAUTHORIZED_ACCESS", "UNEXPECTED_ERROR", "UNKNOWN_ENTITY", "UNSUPPORTED_BANK",
  "UNSUPPORTED_FEATURE", "UNSUPPORTED_MEDIA_TYPE", "UNSUPPORTED_ORDER", "USER_ALREADY_VERIFIED",
  "USER_NOT_VERIFIED", "WEB_FORM_ABORTED", "WEB_FORM_REQUIRED",
] as const
export type AccessErrorCode = (typeof ACCESS_ERROR_CODES)[number]

/** `BUSINESS` messages are meant for the end user (may be the bank's text); `TECHNICAL` are not. */
export const AccessErrorTypeSchema = z.enum(["BUSINESS", "TECHNICAL"])

/** One entry of `ErrorMessage.errors[]`; 510 responses add `multiStepAuthentication`. */
export const AccessErrorDetailsSchema = z.looseObject({
  message: z.string().nullish(),
  code: z.string(),
  type: AccessErrorTypeSchema,
  multiStepAuthentication: z.looseObject({}).nullish(),
})
export type AccessErrorDetails = z.infer<typeof AccessErrorDetailsSchema>

/** Access API business/technical error envelope (`ErrorMessage`). */
export const AccessErrorSchema = z.looseObject({
  errors: z.array(AccessErrorDetailsSchema).min(1),
  date: z.string(),
  requestId: z.string().nullish(),
  endpoint: z.string().nullish(),
  authContext: z.string().nullish(),
  bank: z.string().nullish(),
})
export type AccessError = z.infer<typeof AccessErrorSchema>

/** OAuth error envelope used by auth failures; V1 examples spell `errorDescription`, so both are accepted. */
export const OAuthErrorSchema = z.looseObject({
  error: z.string(),
  error_description: z.string().nullish(),
  errorDescription: z.string().nullish(),
})
export type OAuthError = z.infer<typeof OAuthErrorSchema>

/** Web Form 2.0 error codes; the schema accepts any string because the enum grows. */
export const WEB_FORM_ERROR_CODES = [
  "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "NOT_ALLOWED", "BANK_NOT_SUPPORTED", "BANK_NOT_UNIQUE",
  "ENTITY_EXISTS", "MANDATOR_MISCONFIGURATION", "NOT_SUPPORTED", "PAYMENT_NOT_SUPPORTED",
  "INVALID_REDIRECT_URL", "LOCKED", "INTERNAL_SERVER_ERROR",
] as const
export type WebFormErrorCode = (typeof WEB_FORM_ERROR_CODES)[number]

/** Web Form 2.0 error envelope `{code, description, timestamp, endpoint}`. */
export const WebFormErrorSchema = z.looseObject({
  code: z.string(),
  description: z.string().nullish(),
  timestamp: z.string().nullish(),
  endpoint: z.string().nullish(),
})
export type WebFormError = z.infer<typeof WebFormErrorSchema>

/** Web Form 2.0 400 body: field-level messages instead of a single code. */
export const WebFormValidationErrorSchema = z.looseObject({
  errors: z.array(z.looseObject({ field: z.string().nullish(), message: z.string().nullish() })).min(1),
  timestamp: z.string().nullish(),
  endpoint: z.string().nullish(),
})
export type WebFormValidationError = z.infer<typeof WebFormValidationErrorSchema>
