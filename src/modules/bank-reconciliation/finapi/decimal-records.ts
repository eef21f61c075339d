import { toDecimalString, toOptionalDecimalString } from "./decimal-amount"
import { Account } from "./schemas/account"
import { PageableTransactionList, Transaction } from "./schemas/transaction"

type Money = string
type OptionalMoney = string | null

// The built-in Omit collapses types with an index signature (zod loose objects) to the signature.
type Without<T, K extends PropertyKey> = { [P in keyof T as P extends K ? never : P]: T[P] }

/** A finAPI transaction whose money fields are decimal strings (never floats). */
export type DecimalTransaction = Without<
  Transaction,
  "amount" | "compensationAmount" | "originalAmount" | "feeAmount"
> & {
  amount: Money
  compensationAmount: OptionalMoney
  originalAmount: OptionalMoney
  feeAmount: OptionalMoney
}

/** A finAPI account whose money fields are decimal strings. */
export type DecimalAccount = Without<Account, "balance" | "overdraft" | "overdraftLimit" | "availableFunds"> & {
  balance: OptionalMoney
  overdraft: OptionalMoney
  overdraftLimit: OptionalMoney
  availableFunds: OptionalMoney
}

/** One page of transactions; `income/spending/balance` are finAPI's sums over all pages of the filter. */
export type DecimalTransactionPage = Without<PageableTransactionList, "transactions" | "income" | "spending" | "balance"> & {
  transactions: DecimalTransaction[]
  income: OptionalMoney
  spending: OptionalMoney
  balance: OptionalMoney
}

/** Converts the money fields of a transaction to decimal strings. */
export function toDecimalTransaction(t: Transaction): DecimalTransaction {
  return {
    ...t,
    amount: toDecimalString(t.amount),
    compensationAmount: toOptionalDecimalString(t.compensationAmount),
    originalAmount: toOptionalDecimalString(t.originalAmount),
    feeAmount: toOptionalDecimalString(t.feeAmount),
  }
}

/** Converts the money fields of an account to decimal strings. */
export function toDecimalAccount(a: Account): DecimalAccount {
  return {
    ...a,
    balance: toOptionalDecimalString(a.balance),
    overdraft: toOptionalDecimalString(a.overdraft),
    overdraftLimit: toOptionalDecimalString(a.overdraftLimit),
    availableFunds: toOptionalDecimalString(a.availableFunds),
  }
}

/** Converts a transaction page, including its sums, to decimal strings. */
export function toDecimalTransactionPage(page: PageableTransactionList): DecimalTransactionPage {
  return {
    ...page,
    transactions: page.transactions.map(toDecimalTransaction),
    income: toOptionalDecimalString(page.income),
    spending: toOptionalDecimalString(page.spending),
    balance: toOptionalDecimalString(page.balance),
  }
}
