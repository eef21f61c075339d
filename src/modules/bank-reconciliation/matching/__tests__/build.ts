import type { BankTransactionInput, MatchOptionsInput, MatchResult, OpenItemInput } from "../types"
import { matchTransactions } from "../index"

export const IBAN_MUSTER = "DE89370400440532013000"
export const IBAN_OTHER = "DE02120300000000202051"

/** A transaction with harmless defaults; tests override what the scenario is about. */
export function tx(overrides: Partial<BankTransactionInput> = {}): BankTransactionInput {
  return {
    id: "t-1",
    amount: "100.00",
    currency: "EUR",
    bookingDate: "2026-11-02",
    valueDate: "2026-11-02",
    purpose: "",
    counterpartName: null,
    counterpartIban: null,
    ...overrides,
  }
}

/** An open order with harmless defaults. */
export function item(overrides: Partial<OpenItemInput> & { orderId: string }): OpenItemInput {
  return {
    displayId: null,
    invoiceNumber: null,
    paymentReference: null,
    customerId: `cus_${overrides.orderId}`,
    customerName: null,
    companyName: null,
    knownIbans: [],
    currency: "EUR",
    total: overrides.outstanding ?? "100.00",
    outstanding: "100.00",
    createdAt: "2026-10-30",
    ...overrides,
  }
}

/** Runs the engine on one transaction and returns its result. */
export function matchOne(transaction: BankTransactionInput, openItems: OpenItemInput[], options?: MatchOptionsInput): MatchResult {
  return matchTransactions({ transactions: [transaction], openItems, options }).results[0]
}

/** Compact view of the allocations for assertions: "order=amount" joined by commas. */
export function allocated(result: MatchResult): string {
  return result.allocations.map((a) => `${a.orderId}=${a.amount}`).join(",")
}

export function signals(result: MatchResult): string[] {
  return result.reasons.map((reason) => reason.signal)
}
