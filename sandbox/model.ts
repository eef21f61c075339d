/**
 * What the sandbox remembers. Records hold internal facts (cents, epoch millis);
 * the `views/` files turn them into finAPI's wire shapes.
 */
export type BankingInterface = "XS2A" | "FINTS_SERVER"
export type UpdateResultCode = "OK" | "BANK_SERVER_REJECTION" | "INTERNAL_SERVER_ERROR"

export interface UpdateResult {
  result: UpdateResultCode
  errorMessage: string | null
  errorType: "BUSINESS" | "TECHNICAL" | null
  timestamp: number
}

export interface SandboxUser {
  id: string
  password: string
  email: string | null
  phone: string | null
  isAutoUpdateEnabled: boolean
  internalId: number
}

export interface StoredBankConnection {
  id: number
  userKey: string
  bankId: number
  name: string | null
  bankingInterface: BankingInterface
  loginName: string
  /** "Save PIN" in the web form: without it any later update needs the web form again. */
  pinSaved: boolean
  consentExpiresAt: number | null
  userActionRequired: boolean
  /** While set, updateStatus is IN_PROGRESS; the ticker flips it to READY at this instant. */
  busyUntil: number | null
  categorizationReadyAt: number
  lastManualUpdate: UpdateResult | null
  lastAutoUpdate: UpdateResult | null
  /** Last German calendar day whose daily test-bank bookings were delivered. */
  lastDeliveredDay: number
  maxDaysForDownload: number
  accountIds: number[]
}

export interface StoredAccount {
  id: number
  bankConnectionId: number
  userKey: string
  accountName: string
  iban: string | null
  accountNumber: string
  accountHolderName: string
  accountCurrency: string
  accountType: "Checking" | "Savings"
  balanceCents: number
  isNew: boolean
  interfaceStatus: "UPDATED" | "UPDATED_FIXED" | "DOWNLOAD_IN_PROGRESS" | "DOWNLOAD_FAILED"
  lastSuccessfulUpdate: number | null
  lastUpdateAttempt: number | null
}

/** Everything of a booked transaction except ids and bookkeeping flags. */
export interface TransactionContent {
  amountCents: number
  currency: string | null
  valueDate: string
  bankBookingDate: string
  finapiBookingDate: string
  purpose: string | null
  counterpartName: string | null
  counterpartIban: string | null
  counterpartBic: string | null
  counterpartBlz: string | null
  counterpartAccountNumber: string | null
  counterpartBankName: string | null
  counterpartMandateReference: string | null
  counterpartCustomerReference: string | null
  counterpartCreditorId: string | null
  counterpartDebitorId: string | null
  endToEndReference: string | null
  type: string | null
  typeCodeZka: string | null
  typeCodeSwift: string | null
  sepaPurposeCode: string | null
  bankTransactionCode: string | null
  bankTransactionCodeDescription: string | null
  primanota: string | null
  originalAmountCents: number | null
  originalCurrency: string | null
}

export interface StoredTransaction extends TransactionContent {
  id: number
  accountId: number
  importDate: number
  isAdjustingEntry: boolean
  isPotentialDuplicate: boolean
  isNew: boolean
}

export type WebFormStatus = "NOT_YET_OPENED" | "IN_PROGRESS" | "COMPLETED" | "COMPLETED_WITH_ERROR" | "EXPIRED" | "ABORTED"
export type WebFormStep = "bank" | "login" | "sca" | "redirect" | "accounts" | "done"

export interface StoredWebForm {
  id: string
  /** Public base URL the form was handed out under (the sandbox may be reached by several names). */
  baseUrl: string
  userKey: string
  /** The bearer token that created the form; the flow fails with INVALID_TOKEN if it dies midway. */
  accessToken: string
  type: "BANK_CONNECTION_IMPORT" | "BANK_CONNECTION_UPDATE"
  status: WebFormStatus
  createdAt: number
  expiresAt: number
  bankConnectionId: number | null
  errorCode: string | null
  errorMessage: string | null
  finalisedCallback: string | null
  taskId: string | null
  request: {
    bankId: number | null
    accountTypes: string[] | null
    bankConnectionName: string | null
    maxDaysForDownload: number
  }
  step: WebFormStep
  session: {
    bankId: number | null
    loginName: string | null
    savePin: boolean
    selectableAccountSlots: number[]
    notice: string | null
  }
  redirects: { redirectUrl: string | null; errorRedirectUrl: string | null; abortRedirectUrl: string | null }
}

export type TaskStatus = "NOT_YET_STARTED" | "IN_PROGRESS" | "WEB_FORM_REQUIRED" | "COMPLETED" | "COMPLETED_WITH_ERROR"

export interface StoredTask {
  id: string
  userKey: string
  createdAt: number
  status: TaskStatus
  bankConnectionId: number
  webFormId: string | null
  errorCode: string | null
  /** When the ticker moves the task on (start, then finish). */
  nextStepAt: number
  /** Token and base URL of the creating call, handed on to a WEB_FORM_REQUIRED form. */
  accessToken: string
  baseUrl: string
  callbacks: { finalised: string | null; webFormRequired: string | null }
}

export interface StoredNotificationRule {
  id: number
  userKey: string
  triggerEvent: string
  params: Record<string, string> | null
  callbackHandle: string | null
  includeDetails: boolean
}
