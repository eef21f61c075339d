import { z } from "zod"

/** Events a notification rule can subscribe to (only fired by finAPI's automatic batch update). */
export const NotificationTriggerEventSchema = z.enum([
  "NEW_ACCOUNT_BALANCE", "NEW_TRANSACTIONS", "BANK_LOGIN_ERROR", "FOREIGN_MONEY_TRANSFER",
  "LOW_ACCOUNT_BALANCE", "HIGH_TRANSACTION_AMOUNT", "CATEGORY_CASH_FLOW", "NEW_TERMS_AND_CONDITIONS",
])
export type NotificationTriggerEvent = z.infer<typeof NotificationTriggerEventSchema>

/** Body of `POST /api/v2/notificationRules` (user token). */
export const NotificationRuleParamsSchema = z.looseObject({
  triggerEvent: NotificationTriggerEventSchema,
  params: z.record(z.string(), z.string()).nullish(),
  callbackHandle: z.string().max(512).nullish(),
  includeDetails: z.boolean().optional(),
})
export type NotificationRuleParams = z.infer<typeof NotificationRuleParamsSchema>

/** finAPI `NotificationRule`. */
export const NotificationRuleSchema = z.looseObject({
  id: z.number().int(),
  triggerEvent: NotificationTriggerEventSchema,
  params: z.record(z.string(), z.string()).nullish(),
  callbackHandle: z.string().nullish(),
  includeDetails: z.boolean(),
})
export type NotificationRule = z.infer<typeof NotificationRuleSchema>

/** `GET /api/v2/notificationRules` body. */
export const NotificationRuleListSchema = z.looseObject({
  notificationRules: z.array(NotificationRuleSchema),
})
export type NotificationRuleList = z.infer<typeof NotificationRuleListSchema>

/** NEW_TRANSACTIONS message body as consumed by integrations; `details` is AES-encrypted when requested. */
export const NewTransactionsNotificationSchema = z.looseObject({
  notificationRuleId: z.number().int(),
  triggerEvent: z.literal("NEW_TRANSACTIONS"),
  callbackHandle: z.string().nullish(),
  newTransactions: z.array(
    z.looseObject({
      accountId: z.number().int(),
      accountName: z.string().nullish(),
      accountNumber: z.string().nullish(),
      accountIban: z.string().nullish(),
      bankName: z.string().nullish(),
      bankConnectionName: z.string().nullish(),
      newTransactionsCount: z.number().int(),
      details: z.string().nullish(),
    })
  ),
})
export type NewTransactionsNotification = z.infer<typeof NewTransactionsNotificationSchema>
