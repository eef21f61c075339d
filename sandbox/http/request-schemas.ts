import { z } from "zod"

/**
 * Request bodies as finAPI's contract defines them (Access V2 and Web Form 2.0; REFERENCE.md §2.5,
 * §4, §5 and the OpenAPI files in shared/finapi), written here on purpose and never imported from
 * the plugin's client: the sandbox must refuse what finAPI refuses, also when the client is wrong.
 * Unknown fields pass, as they do at finAPI.
 */

const int = z.number().int()
const bankingInterface = z.enum(["XS2A", "FINTS_SERVER", "WEB_SCRAPER"])
const webFormAccountType = z.enum(["BAUSPAREN", "CHECKING", "CREDIT_CARD", "LOAN", "MEMBERSHIP", "SAVINGS", "SECURITY"])
// finAPI's date format for NewTransaction dates
const finapiDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be yyyy-MM-dd")
// Callback URLs: at most 2048 characters; HTTPS is checked by requireCallbackUrl with its own error
const callbackUrl = z.string().max(2048).nullish()

/** Access V2 `NewTransaction` (only `amount` is required). */
export const NewTransactionBody = z.looseObject({
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
  bookingDate: finapiDate.nullish(),
  valueDate: finapiDate.nullish(),
  typeId: int.nullish(),
  type: z.string().nullish(),
  typeCodeSwift: z.string().nullish(),
  sepaPurposeCode: z.string().nullish(),
  counterpartMandateReference: z.string().nullish(),
  counterpartCreditorId: z.string().nullish(),
  counterpartCustomerReference: z.string().nullish(),
  counterpartDebitorId: z.string().nullish(),
  endToEndReference: z.string().nullish(),
})
export type NewTransactionBody = z.infer<typeof NewTransactionBody>

/** Access V2 `MockBatchUpdateParams`: V2 requires the banking interface of each updated connection. */
export const MockBatchUpdateBody = z.looseObject({
  mockBankConnectionUpdates: z.array(
    z.looseObject({
      bankConnectionId: int,
      bankingInterface,
      simulateBankLoginError: z.boolean().nullish(),
      mockAccountsData: z.array(z.looseObject({ accountId: int, accountBalance: z.number(), newTransactions: z.array(NewTransactionBody).nullish() })).nullish(),
    })
  ),
  triggerNotifications: z.boolean().nullish(),
})

/** Access V2 `NotificationRuleParams`; the handle's character set is finAPI's pattern. */
export const NotificationRuleBody = z.looseObject({
  triggerEvent: z.enum([
    "NEW_ACCOUNT_BALANCE", "NEW_TRANSACTIONS", "BANK_LOGIN_ERROR", "FOREIGN_MONEY_TRANSFER",
    "LOW_ACCOUNT_BALANCE", "HIGH_TRANSACTION_AMOUNT", "CATEGORY_CASH_FLOW", "NEW_TERMS_AND_CONDITIONS",
  ]),
  params: z.record(z.string(), z.string()).nullish(),
  callbackHandle: z
    .string()
    .max(512)
    .regex(/^[A-Za-z0-9\u00a1-\u02af &(){}[\].:,;?!+\-_$@#~`^€/=%"]*$/, "contains characters finAPI does not allow")
    .nullish(),
  includeDetails: z.boolean().nullish(),
})

/** Web Form 2.0 `BankConnectionImportDetails` (no field is required). */
export const BankConnectionImportBody = z.looseObject({
  bank: z
    .looseObject({ id: int.nullish(), search: z.string().nullish() })
    .refine((b) => b.id == null || b.search == null, { message: "give either bank.id or bank.search" })
    .nullish(),
  bankConnectionName: z.string().min(1).max(64).nullish(),
  skipBalancesDownload: z.boolean().nullish(),
  skipPositionsDownload: z.boolean().nullish(),
  loadOwnerData: z.boolean().nullish(),
  maxDaysForDownload: int.min(0).max(3650).nullish(),
  accountTypes: z.array(webFormAccountType).nullish(),
  allowedInterfaces: z.array(bankingInterface).nullish(),
  callbacks: z.looseObject({ finalised: callbackUrl }).nullish(),
  profileId: z.string().length(36).nullish(),
  redirectUrl: z.string().min(1).max(2048).nullish(),
  allowTestBank: z.boolean().nullish(),
})

/**
 * Web Form 2.0 `BankConnectionUpdateTaskDetails`. finAPI: "the PSU metadata must always be provided"
 * for a background update (it has no end user of its own), so the sandbox insists on `userMetadata`.
 */
export const BackgroundUpdateBody = z.looseObject({
  bankConnectionId: int,
  importNewAccountsMode: z.enum(["SKIP", "CONDITIONAL", "FORCED"]).nullish(),
  accountTypes: z.array(webFormAccountType).nullish(),
  allowedInterfaces: z.array(bankingInterface).nullish(),
  skipBalancesDownload: z.boolean().nullish(),
  skipPositionsDownload: z.boolean().nullish(),
  loadOwnerData: z.boolean().nullish(),
  manageSavedSettings: z.array(z.enum(["CREDENTIALS", "DEFAULT_TWO_STEP_PROCEDURE"])).nullish(),
  callbacks: z.looseObject({ finalised: callbackUrl, webFormRequired: callbackUrl }).nullish(),
  profileId: z.string().length(36).nullish(),
  redirectUrl: z.string().min(1).max(2048).nullish(),
  userMetadata: z.looseObject(
    { ipAddress: z.string().max(64).optional(), deviceOs: z.string().max(1024).optional(), userAgent: z.string().max(1024).optional() },
    { error: "userMetadata is required: finAPI must learn whether a real user is behind a background update" }
  ),
})
