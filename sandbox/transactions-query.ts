import { ApiFailure } from "./http/exchange"
import { readIdList } from "./http/paging"
import { dayNumber, isCalendarDate } from "./data/dates"
import { amountToCents } from "./data/money"
import type { RowFacts, TransactionStore } from "./data/transaction-store"
import type { StoredTransaction } from "./model"

/**
 * `GET /api/v2/transactions` filters and ordering (REFERENCE.md §4.1). Filters run on
 * row facts first; text filters and text ordering build the row only when needed.
 */
export interface TransactionFilter {
  ids: Set<number> | null
  accountIds: number[] | null
  bankDay: [number, number]
  finapiDay: [number, number]
  importDay: [number, number]
  cents: [number, number]
  direction: "income" | "spending" | "all"
  isNew: boolean | null
  isPotentialDuplicate: boolean | null
  isAdjustingEntry: boolean | null
  search: string[]
  counterpart: string[]
  purpose: string[]
  order: Array<{ field: string; descending: boolean }>
}

const FACT_ORDER: Record<string, (f: RowFacts) => number> = {
  id: (f) => f.id,
  accountId: (f) => f.accountId,
  amount: (f) => f.cents,
  bankBookingDate: (f) => f.bankDay,
  finapiBookingDate: (f) => f.finapiDay,
  valueDate: (f) => f.valueDay,
  importDate: (f) => f.importDay,
  isPotentialDuplicate: (f) => Number(f.isPotentialDuplicate),
  isNew: (f) => Number(f.isNew),
}
const TEXT_ORDER = ["purpose", "counterpartName", "counterpartAccountNumber", "counterpartIban", "counterpartBlz", "counterpartBic", "type", "primanota"] as const
const CONSTANT_ORDER = ["parentId", "category.id", "category.name"]

export function parseTransactionFilter(query: URLSearchParams): TransactionFilter {
  const view = query.get("view")
  if (view === null) throw new ApiFailure(400, "BAD_REQUEST", "Required request parameter 'view' for method parameter type TransactionsView is not present")
  if (view !== "bankView" && view !== "userView") throw new ApiFailure(400, "BAD_REQUEST", `Illegal value for 'view': ${view}`)
  const ids = readIdList(query, "ids")
  if (ids && ids.length > 1000) throw new ApiFailure(400, "TOO_MANY_IDS", "At most 1000 ids are allowed")
  const direction = query.get("direction") ?? "all"
  if (direction !== "income" && direction !== "spending" && direction !== "all") throw new ApiFailure(400, "BAD_REQUEST", `Illegal value for 'direction': ${direction}`)
  return {
    ids: ids && new Set(ids),
    accountIds: readIdList(query, "accountIds"),
    bankDay: dayRange(query, "minBankBookingDate", "maxBankBookingDate"),
    finapiDay: dayRange(query, "minFinapiBookingDate", "maxFinapiBookingDate"),
    importDay: dayRange(query, "minImportDate", "maxImportDate"),
    cents: [amountBound(query, "minAmount", -Infinity), amountBound(query, "maxAmount", Infinity)],
    direction,
    isNew: flag(query, "isNew"),
    isPotentialDuplicate: flag(query, "isPotentialDuplicate"),
    isAdjustingEntry: flag(query, "isAdjustingEntry"),
    search: terms(query, "search"),
    counterpart: terms(query, "counterpart"),
    purpose: terms(query, "purpose"),
    order: parseOrder(query),
  }
}

function dayRange(query: URLSearchParams, minName: string, maxName: string): [number, number] {
  const read = (name: string, fallback: number) => {
    const raw = query.get(name)
    if (raw === null || raw === "") return fallback
    if (!isCalendarDate(raw)) throw new ApiFailure(400, "BAD_REQUEST", `Illegal date for '${name}': ${raw} (expected YYYY-MM-DD)`)
    return dayNumber(raw)
  }
  return [read(minName, -Infinity), read(maxName, Infinity)]
}

function amountBound(query: URLSearchParams, name: string, fallback: number): number {
  const raw = query.get(name)
  if (raw === null || raw === "") return fallback
  const cents = amountToCents(raw)
  if (cents === null) throw new ApiFailure(400, "BAD_REQUEST", `Illegal amount for '${name}': ${raw}`)
  return cents
}

function flag(query: URLSearchParams, name: string): boolean | null {
  const raw = query.get(name)
  if (raw === null || raw === "") return null
  if (raw !== "true" && raw !== "false") throw new ApiFailure(400, "BAD_REQUEST", `Illegal value for '${name}': ${raw}`)
  return raw === "true"
}

function terms(query: URLSearchParams, name: string): string[] {
  return (query.get(name) ?? "").toLowerCase().split(/\s+/).filter(Boolean)
}

function parseOrder(query: URLSearchParams): Array<{ field: string; descending: boolean }> {
  const order = query.getAll("order").map((term) => {
    const [field, direction = "asc"] = term.split(",").map((s) => s.trim())
    const known = field in FACT_ORDER || (TEXT_ORDER as readonly string[]).includes(field) || CONSTANT_ORDER.includes(field)
    if (!known || (direction !== "asc" && direction !== "desc")) throw new ApiFailure(400, "BAD_REQUEST", `Illegal order '${term}'`)
    return { field, descending: direction === "desc" }
  })
  return order.length > 0 ? order : [{ field: "id", descending: false }]
}

export interface TransactionQueryResult {
  ids: number[]
  incomeCents: number
  spendingCents: number
}

const GERMAN = new Intl.Collator("de")

const within = (value: number, [min, max]: [number, number]) => value >= min && value <= max

function matchesFacts(f: RowFacts, filter: TransactionFilter): boolean {
  if (filter.ids && !filter.ids.has(f.id)) return false
  if (filter.direction === "income" ? f.cents < 0 : filter.direction === "spending" ? f.cents >= 0 : false) return false
  if (filter.isNew !== null && f.isNew !== filter.isNew) return false
  if (filter.isPotentialDuplicate !== null && f.isPotentialDuplicate !== filter.isPotentialDuplicate) return false
  if (filter.isAdjustingEntry !== null && f.isAdjustingEntry !== filter.isAdjustingEntry) return false
  return within(f.bankDay, filter.bankDay) && within(f.finapiDay, filter.finapiDay) && within(f.importDay, filter.importDay) && within(f.cents, filter.cents)
}

function matchesText(t: StoredTransaction, filter: TransactionFilter): boolean {
  const counterpart = [t.counterpartName, t.counterpartIban, t.counterpartAccountNumber, t.counterpartBic, t.counterpartBlz, t.counterpartBankName].join(" ").toLowerCase()
  const purpose = (t.purpose ?? "").toLowerCase()
  const all = `${purpose} ${(t.endToEndReference ?? "").toLowerCase()} ${counterpart}`
  return filter.search.every((w) => all.includes(w)) && filter.counterpart.every((w) => counterpart.includes(w)) && filter.purpose.every((w) => purpose.includes(w))
}

/** Runs the filter over the given accounts and returns ordered ids plus sums over all pages. */
export function runTransactionQuery(store: TransactionStore, accountIds: ReadonlySet<number>, filter: TransactionFilter): TransactionQueryResult {
  const needsText = filter.search.length + filter.counterpart.length + filter.purpose.length > 0
  const textOrder = filter.order.some((o) => (TEXT_ORDER as readonly string[]).includes(o.field))
  const ids: number[] = []
  const keys: Array<Array<number | string>> = filter.order.map(() => [])
  let incomeCents = 0
  let spendingCents = 0
  store.scan(accountIds, (facts) => {
    if (!matchesFacts(facts, filter)) return
    const row = needsText || textOrder ? store.get(facts.id) : undefined
    if (needsText && (!row || !matchesText(row, filter))) return
    ids.push(facts.id)
    if (facts.cents >= 0) incomeCents += facts.cents
    else spendingCents += facts.cents
    filter.order.forEach((term, i) => {
      const fromFacts = FACT_ORDER[term.field]
      keys[i].push(fromFacts ? fromFacts(facts) : String((row as unknown as Record<string, unknown> | undefined)?.[term.field] ?? ""))
    })
  })
  const defaultOrder = filter.order.length === 1 && filter.order[0].field === "id" && !filter.order[0].descending
  if (defaultOrder) {
    ids.sort((a, b) => a - b)
    return { ids, incomeCents, spendingCents }
  }
  const positions = ids.map((_, i) => i)
  positions.sort((a, b) => {
    for (let t = 0; t < filter.order.length; t++) {
      const x = keys[t][a]
      const y = keys[t][b]
      const cmp = typeof x === "number" && typeof y === "number" ? x - y : GERMAN.compare(String(x), String(y))
      if (cmp !== 0) return filter.order[t].descending ? -cmp : cmp
    }
    return ids[a] - ids[b]
  })
  return { ids: positions.map((p) => ids[p]), incomeCents, spendingCents }
}
