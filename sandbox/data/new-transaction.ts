import type { TransactionContent } from "../model"
import type { NewTransactionBody as NewTransaction } from "../http/request-schemas"
import { ApiFailure } from "../http/exchange"
import { completeContent } from "./seeded-transactions"
import { dateOfDay, dayNumber } from "./dates"
import { amountToCents } from "./money"

/**
 * finAPI's `NewTransaction` (mockBatchUpdate) → a booked row. Future bookings are
 * already in the balance, so finAPI dates them today until the bank books them.
 * Accepts `counterpartName` as well as the spec's `counterpart`.
 */
export function contentFromNewTransaction(input: NewTransaction & { counterpartName?: string | null }, today: number, accountCurrency: string): TransactionContent {
  const amountCents = amountToCents(input.amount)
  if (amountCents === null) throw new ApiFailure(422, "ILLEGAL_FIELD_VALUE", `Illegal amount ${input.amount}: at most 2 decimals`)
  const bookingDate = input.bookingDate ?? dateOfDay(today)
  const finapiDate = dayNumber(bookingDate) > today ? dateOfDay(today) : bookingDate
  return completeContent(
    {
      amountCents,
      currency: input.currency ?? accountCurrency,
      originalAmountCents: input.originalAmount == null ? null : amountToCents(input.originalAmount),
      originalCurrency: input.originalCurrency ?? null,
      purpose: input.purpose ?? null,
      counterpartName: input.counterpartName ?? input.counterpart ?? null,
      counterpartIban: input.counterpartIban ?? null,
      counterpartBlz: input.counterpartBlz ?? null,
      counterpartBic: input.counterpartBic ?? null,
      counterpartAccountNumber: input.counterpartAccountNumber ?? null,
      counterpartMandateReference: input.counterpartMandateReference ?? null,
      counterpartCreditorId: input.counterpartCreditorId ?? null,
      counterpartCustomerReference: input.counterpartCustomerReference ?? null,
      counterpartDebitorId: input.counterpartDebitorId ?? null,
      endToEndReference: input.endToEndReference ?? null,
      type: input.type ?? (amountCents >= 0 ? "Gutschrift" : "Überweisungsauftrag"),
      typeCodeZka: input.typeId == null ? null : String(input.typeId),
      typeCodeSwift: input.typeCodeSwift ?? null,
      sepaPurposeCode: input.sepaPurposeCode ?? null,
      valueDate: input.valueDate ?? bookingDate,
    },
    finapiDate,
    bookingDate
  )
}
