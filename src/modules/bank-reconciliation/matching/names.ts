import { transliterate } from "./purpose-tokens"

/** Legal forms, salutations and filler words: they say nothing about who paid. */
const NOISE = new Set([
  "gmbh", "mbh", "ag", "kg", "ohg", "gbr", "ug", "haftungsbeschraenkt", "ev", "eg", "kgaa", "se",
  "co", "ltd", "limited", "llc", "inc", "corp", "corporation", "company", "plc", "sa", "sarl", "sas",
  "srl", "spa", "bv", "nv", "aps", "as", "ab", "oy", "oyj", "herr", "frau", "hr", "fr", "dr", "prof",
  "und", "and", "for", "fuer", "the", "payment", "zahlung", "eur", "dkk", "chf", "usd", "sepa",
  "ueberweisung", "gutschrift", "firma", "fa", "mr", "mrs", "ms",
])

/** Bank systems commonly cut the payer name at 27 characters (DK format, field ?32/?33). */
export const BANK_NAME_LENGTH = 27

/** Normalised name tokens: transliterated, lower case, without legal forms, filler or initials. */
export function nameTokens(name: string | null | undefined): string[] {
  if (!name) {
    return []
  }
  const plain = transliterate(name)
  const kept = asciiWords(plain)
  if (kept) {
    return kept
  }
  const words = plain.toLowerCase().split(/[^a-z0-9]+/)
  return [...new Set(words.filter((word) => word.length > 1 && !NOISE.has(word)))]
}

const isWordChar = (code: number) => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)

/**
 * nameTokens of ASCII text in one pass (lower-cased letter/digit runs, each kept word once, in
 * order) without a regular expression; null for other text, which takes the general way.
 */
function asciiWords(text: string): string[] | null {
  const kept: string[] = []
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at)
    if (code > 127) {
      return null
    }
    if (!isWordChar(code)) {
      continue
    }
    const start = at
    let upper = false
    for (; at < text.length && isWordChar(text.charCodeAt(at)); at++) {
      upper ||= text.charCodeAt(at) <= 90 && text.charCodeAt(at) >= 65
    }
    const word = upper ? text.slice(start, at).toLowerCase() : text.slice(start, at)
    if (word.length > 1 && !NOISE.has(word) && !kept.includes(word)) {
      if (kept.length === 32) {
        return null // a long text: the general way de-duplicates with a set
      }
      kept.push(word)
    }
    at-- // the outer loop steps past the character that ended the word (or re-reads a non-ASCII one)
  }
  return kept
}

/** True when a purpose word can stand for a name word (not noise, long enough to mean something). */
export function isNameWord(word: string): boolean {
  return word.length >= 3 && !NOISE.has(word)
}

export type NameLevel = "full" | "partial" | "none"

export type NameMatch = { level: NameLevel; score: number }

const NO_MATCH: NameMatch = { level: "none", score: 0 }

/** A payer name normalised once per transaction, compared with many customers. */
export type PayerName = { tokens: string[]; truncated: boolean }

/** Normalises a payer name; `truncated` when the bank may have cut it at 27 characters. */
export function payerName(raw: string | null | undefined): PayerName {
  return { tokens: nameTokens(raw), truncated: (raw ?? "").trim().length >= BANK_NAME_LENGTH }
}

/**
 * Compares a payer name with a customer's name, ignoring word order, case, umlaut spelling and
 * legal forms; a payer name cut at 27 characters may end in a prefix of the customer's word.
 */
export function compareNames(payer: PayerName | string | null | undefined, customer: string[]): NameMatch {
  const { tokens: payerTokens, truncated } = typeof payer === "object" && payer !== null ? payer : payerName(payer)
  if (!payerTokens.length || !customer.length) {
    return NO_MATCH
  }
  const lastIndex = payerTokens.length - 1
  let matched = 0
  for (let index = 0; index <= lastIndex; index++) {
    const token = payerTokens[index]
    const prefixAllowed = truncated && index === lastIndex
    for (let k = 0; k < customer.length; k++) {
      if (customer[k] === token || (prefixAllowed && customer[k].startsWith(token))) {
        matched++
        break
      }
    }
  }
  if (matched === 0) {
    return NO_MATCH
  }
  const dice = (2 * matched) / (payerTokens.length + customer.length)
  const coversOne = matched === payerTokens.length || matched === customer.length
  const singleWord = payerTokens.length === 1 && customer.length === 1 && payerTokens[0].length >= 4
  if ((coversOne && matched >= 2) || singleWord || (truncated && matched >= 2 && matched === payerTokens.length)) {
    return { level: "full", score: Math.max(dice, 0.9) }
  }
  return dice >= 0.5 ? { level: "partial", score: dice } : NO_MATCH
}

/** True when every word of the customer's name appears among the purpose words. */
export function nameInWords(customer: string[], words: ReadonlySet<string>): boolean {
  if (!customer.length || (customer.length === 1 && customer[0].length < 5)) {
    return false
  }
  return customer.every((word) => words.has(word))
}

/**
 * The customers (ids) a payer name matches, each with its best match; read only, shared by the
 * payments of one payer name. Namesakes of one spelling share one match, and the customer list
 * is then the name index's own list: no map per payer name.
 */
export class NameMatches {
  constructor(
    readonly customers: readonly number[],
    /** The match of every customer (all share it), or one per customer (same order). */
    private readonly matches: NameMatch | readonly NameMatch[]
  ) {}

  get(customer: number): NameMatch | undefined {
    const at = this.customers.indexOf(customer)
    return at < 0 ? undefined : this.matchAt(at)
  }

  matchAt(at: number): NameMatch {
    return Array.isArray(this.matches) ? (this.matches as readonly NameMatch[])[at] : (this.matches as NameMatch)
  }

  /** True when some customer matches the payer's name in full. */
  anyFull(): boolean {
    for (let at = 0; at < this.customers.length; at++) {
      if (this.matchAt(at).level === "full") {
        return true
      }
    }
    return false
  }
}
