/** Input and output shapes of the matching engine (see contracts/matching.md). */

export type BankTransactionInput = {
  id: string
  amount: string
  currency: string
  bookingDate?: string | null
  valueDate?: string | null
  purpose?: string | null
  counterpartName?: string | null
  counterpartIban?: string | null
  counterpartBic?: string | null
  endToEndReference?: string | null
  mandateReference?: string | null
  creditorId?: string | null
}

export type OpenItemInput = {
  orderId: string
  displayId?: number | null
  invoiceNumber?: string | null
  paymentReference?: string | null
  customerId?: string | null
  customerName?: string | null
  companyName?: string | null
  customerEmail?: string | null
  knownIbans?: string[] | null
  /** Payer names the operator's assignments taught for this customer; matched like the customer's name. */
  aliases?: string[] | null
  currency: string
  total?: string | null
  outstanding: string
  createdAt?: string | null
}

export type MatchOptionsInput = Partial<MatchOptions>

export type MatchInput = {
  transactions: BankTransactionInput[]
  openItems: OpenItemInput[]
  options?: MatchOptionsInput | null
}

/** Every knob of the engine; defaults and meaning are in matching/README.md. */
export type MatchOptions = {
  autoThreshold: number
  suggestThreshold: number
  minMargin: number
  maxAlternatives: number
  roundingTolerance: string
  skontoMaxPercent: number
  skontoRates: number[]
  skontoMaxDays: number
  underpaymentTolerancePercent: number
  bankFeeTolerance: string
  autoPartialPayments: boolean
  autoOverpayments: boolean
  maxSubsetSize: number
  maxSubsetItems: number
  maxAmountOnlyCandidates: number
  minBareNumberLength: number
  nameCandidateLimit: number
  invoiceKeywords: string[]
  orderKeywords: string[]
  ignoreKeywords: string[]
  invoiceNumberPatterns: string[]
  batchConflictGuard: boolean
}

export type Signal =
  | "payment_reference"
  | "end_to_end_reference"
  | "invoice_number"
  | "order_number"
  | "iban"
  | "name"
  | "amount"
  | "batch"
  | "ambiguity"
  | "conflict"

/** Parameters of a reason code: amounts as decimal strings, counts as numbers, texts as strings. */
export type ReasonParams = Record<string, string | number | boolean | string[] | null>

/** A reason in a form any language can render: a stable code and its parameters. */
export type ReasonCode = { code: string; params: ReasonParams }

/**
 * One piece of evidence. `detail` is the English sentence (CLI, logs); `code` + `params` let an
 * admin say the same in the operator's language; `more` holds further evidence of the same signal
 * (e.g. the second invoice number of a payment for two orders).
 */
export type Reason = { signal: Signal; detail: string; code: string; params: ReasonParams; more?: ReasonCode[] }

export type Allocation = { orderId: string; amount: string }

export type Alternative = { allocations: Allocation[]; confidence: number }

export type Decision = "auto" | "suggest" | "none"

export type MatchResult = {
  transactionId: string
  decision: Decision
  confidence: number
  allocations: Allocation[]
  reasons: Reason[]
  alternatives: Alternative[]
}

export type MatchOutput = { results: MatchResult[] }
