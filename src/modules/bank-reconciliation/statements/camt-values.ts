import { decimal, type Decimal } from "../../../lib/money"
import { statementAmount } from "./decimal-amount"
import { StatementFileError } from "./types"

// The camt reader's small vocabulary: walking the parsed XML (node, text, list) and reading ISO 20022
// values out of it (amounts with their currency, dates, indicators, bank transaction codes).

/** A parsed XML element: child elements by tag, attributes as "@Name", text as "#text". */
export type Node = Record<string, unknown>

/** .02/.04: <Sts>BOOK</Sts>; .08 and later: <Sts><Cd>BOOK</Cd></Sts> (or <Prtry>); none: the message's default. */
export function statusOf(ntry: Node, defaultStatus: string): string {
  const status = typeof ntry.Sts === "object" && ntry.Sts ? (text(ntry, "Sts", "Cd") ?? text(ntry, "Sts", "Prtry")) : text(ntry, "Sts")
  return (status ?? defaultStatus).toUpperCase()
}

/** The date of an ISO date-time as the bank wrote it (its own local date, not converted to UTC). */
export function dateTimeOf(value: string | null): string | null {
  return value && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null
}

export function compactIban(value: string): string {
  return value.replace(/\s+/g, "").toUpperCase()
}

/** xs:boolean: "true" or "1". */
export function booleanOf(value: string | null): boolean {
  return value === "true" || value === "1"
}

export function currencyOf(value: unknown): string | null {
  const currency = typeof value === "object" && value ? String((value as Node)["@Ccy"] ?? "").toUpperCase() : ""
  return /^[A-Z]{3}$/.test(currency) ? currency : null
}

export function signed(e: { amount: string; direction: "credit" | "debit" }): Decimal {
  return e.direction === "debit" ? decimal(e.amount).negated() : decimal(e.amount)
}

export function amountOf(value: unknown, place: string, accountCurrency: string | null): { amount: string; currency: string } {
  const raw = typeof value === "object" && value ? (value as Node)["#text"] : value
  const currency = typeof value === "object" && value ? String((value as Node)["@Ccy"] ?? "").toUpperCase() : ""
  if (!/^[A-Z]{3}$/.test(currency)) {
    throw new StatementFileError(place, "the amount has no currency (Ccy)", "amount_without_currency")
  }
  if (accountCurrency && currency !== accountCurrency) {
    throw new StatementFileError(place, `the amount is in ${currency}, the account in ${accountCurrency}`, "amount_currency_mismatch", { currency, account_currency: accountCurrency })
  }
  return { amount: statementAmount(String(raw ?? ""), place), currency }
}

export function directionOf(indicator: string | null, place: string): "credit" | "debit" {
  if (indicator === "CRDT") return "credit"
  if (indicator === "DBIT") return "debit"
  throw new StatementFileError(place, `"${indicator ?? ""}" is neither CRDT nor DBIT`, "not_credit_or_debit", { text: indicator ?? "" })
}

export function dateOf(dateNode: Node | null): string | null {
  const value = text(dateNode, "Dt") ?? text(dateNode, "DtTm")
  return value && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null
}

export function bankTransactionCode(code: Node | null): string | null {
  const proprietary = text(code, "Prtry", "Cd")
  const domain = node(code, "Domn")
  const iso = domain ? [text(domain, "Cd"), text(domain, "Fmly", "Cd"), text(domain, "Fmly", "SubFmlyCd")].filter(Boolean).join("/") : null
  return proprietary ?? (iso || null)
}

export function node(from: unknown, ...path: string[]): Node | null {
  let current: unknown = from
  for (const key of path) {
    if (!current || typeof current !== "object") {
      return null
    }
    current = (current as Node)[key]
    if (Array.isArray(current)) {
      current = current[0]
    }
  }
  return current && typeof current === "object" ? (current as Node) : null
}

export function text(from: unknown, ...path: string[]): string | null {
  const parent = path.length > 1 ? node(from, ...path.slice(0, -1)) : (from as Node | null)
  if (!parent || typeof parent !== "object") {
    return null
  }
  let value = parent[path[path.length - 1]]
  if (Array.isArray(value)) {
    value = value[0]
  }
  if (value && typeof value === "object") {
    value = (value as Node)["#text"]
  }
  return value === undefined || value === null || value === "" ? null : String(value)
}

export function list<T = Node>(value: unknown): T[] {
  return value === undefined || value === null ? [] : Array.isArray(value) ? value : [value as T]
}
