import { z } from "@medusajs/framework/zod"
import { currencyDigits, decimalPlaces } from "../../lib/money"

// Shared building blocks of every plugin validator, so each route refuses the same bad text, dates
// and amounts with the same message (the control-character guard in storable-input.ts runs first).

/** A real calendar day Postgres can store and finAPI accepts: 2026-02-30, 0000-01-01 and 2026-13-01 are refused. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const year = Number(value.slice(0, 4))
  const date = new Date(`${value}T00:00:00Z`)
  return year >= 1900 && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)
}
export const calendarDate = z.string().refine(isCalendarDate, { message: "use a real date from 1900 on, like 2026-11-21" })

/** A decimal amount an operator types: at most 13 digits before and 3 after the point (KWD has 3; where the currency is known it may allow fewer). */
export const decimalAmount = z.string().regex(/^\d{1,13}(\.\d{1,3})?$/, { message: "use an amount like 49.90" })
export const positiveAmount = decimalAmount.refine((value) => Number(value) > 0, { message: "must be more than 0" })

/** Refines an object so `amountField` has no more decimals than its `currencyField`'s currency allows. */
export function amountFitsCurrency(amount: string | undefined, currency: string | undefined): boolean {
  return !amount || !currency || decimalPlaces(amount) <= currencyDigits(currency)
}

/** One line of text (names, labels, searches): trimmed, never empty. */
export const lineText = (max: number, emptyMessage = "must not be empty") => z.string().trim().min(1, emptyMessage).max(max)

/** The id of a record: what a list or a search returned. */
export const entityId = z.string().trim().min(1, "must not be empty").max(100)

/** A three-letter ISO 4217 currency code. */
export const currencyCode = z.string().regex(/^[A-Za-z]{3}$/, { message: "use a currency code like EUR" })
