import type { TransactionFilter } from "./finapi"
import { parseFinapiTimestamp } from "./bank-connection-state"

const DAY_MS = 24 * 3600 * 1000

/** An operator's time frame on the bank booking date, `YYYY-MM-DD`, both ends inclusive. */
export interface BookingDateWindow {
  from?: string | null
  to?: string | null
}

/**
 * What to ask finAPI for one account. With a booking-date window: exactly that window, the cursor
 * untouched. Otherwise incremental: everything finAPI imported since the cursor minus `overlapDays`
 * (Gotcha 10: the import date, not the booking date, catches late-delivered bookings). Newest first,
 * so an incremental read can stop where the previous complete read ended (see isSettledPage).
 */
export function transactionQueryFor(input: {
  finapiAccountId: number
  cursor: Date | null
  overlapDays: number
  window?: BookingDateWindow | null
  perPage: number
}): TransactionFilter {
  const filter: TransactionFilter = {
    view: "bankView",
    accountIds: [input.finapiAccountId],
    direction: "income",
    order: ["importDate,desc", "id,desc"],
    perPage: input.perPage,
  }
  if (isWindow(input.window)) {
    filter.minBankBookingDate = input.window!.from ?? undefined
    filter.maxBankBookingDate = input.window!.to ?? undefined
  } else if (input.cursor) {
    filter.minImportDate = calendarDate(new Date(input.cursor.getTime() - input.overlapDays * DAY_MS))
  }
  return filter
}

export function isWindow(window: BookingDateWindow | null | undefined): boolean {
  return !!(window && (window.from || window.to))
}

/**
 * An incremental read may stop after a page that brought nothing new (every row already stored or
 * filtered out) and reaches back to the previous cursor: from there on, newest first, every row was
 * seen by the complete read that set the cursor. Without a cursor, or in a window, it reads to the end.
 */
export function isSettledPage(input: {
  cursor: Date | null
  windowed: boolean
  insertedOnPage: number
  oldestImportDateOnPage: string | null
}): boolean {
  if (!input.cursor || input.windowed || input.insertedOnPage > 0 || !input.oldestImportDateOnPage) {
    return false
  }
  const oldest = parseFinapiTimestamp(input.oldestImportDateOnPage)
  return !!oldest && oldest.getTime() <= input.cursor.getTime()
}

/** The later of the cursor and the newest finAPI import date seen. */
export function advanceCursor(cursor: Date | null, importDates: Iterable<string>): Date | null {
  let latest = cursor
  for (const text of importDates) {
    const date = parseFinapiTimestamp(text)
    if (date && (!latest || date.getTime() > latest.getTime())) {
      latest = date
    }
  }
  return latest
}

/** `YYYY-MM-DD` of a moment, in UTC (finAPI's date filters are calendar dates; the overlap absorbs the offset). */
export function calendarDate(date: Date): string {
  return date.toISOString().slice(0, 10)
}
