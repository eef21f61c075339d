import { isValidCompactRf } from "./iso11649"
import { HASH_START, hashStep } from "./posting-lists"
import { splitSepaTags, tokenize, type SegmentTag, type Token } from "./purpose-tokens"

/** A number written in the purpose, with what the words around it say about it. */
export type NumberMention = {
  digits: string
  raw: string
  source: "purpose" | "end_to_end"
  /** Preceded by an invoice/order word ("RE", "Bestellung", "#"...). */
  labelled: boolean
  /** Could as well be a postal code, a year or a month: never enough on its own. */
  ambiguous: boolean
  /**
   * Follows a labelled number with only a space ("Rechnungen 1042 1057"), or is one half of
   * "1042/1057": as good as labelled when the payment is exactly the sum of the listed orders,
   * otherwise an unlabelled number (it may be a postal code: "Bestellung 20433 10115 Berlin").
   */
  listed: boolean
  /** For one part of a slash-joined group: the index of the whole group's mention in `numbers`. */
  partOf?: number
  span: TokenSpan
}

/** Where a mention sits: segment number and first/last token index within it. */
export type TokenSpan = { segment: number; from: number; to: number }

/** One to six neighbouring tokens glued together (how references survive spacing and hyphens). */
export type CompactMention = {
  compact: string
  raw: string
  source: "purpose" | "end_to_end"
  rf: boolean
  rfValid: boolean
  span: TokenSpan
}

export type PurposeScan = {
  numbers: NumberMention[]
  compacts: CompactMention[]
  /** Alphabetic words of the remittance text, for finding a customer's name in it. */
  words: string[]
  /** ABWA+ (ultimate debtor) when the bank reported one. */
  ultimateDebtor: string | null
}

export type ScanContext = {
  labels: Set<string>
  ignore: Set<string>
  /** Whether a glued n-gram is some open item's reference; unknown n-grams are not kept. */
  isKnownReference?: (compact: string) => boolean
  /**
   * Optional pre-check by the n-gram's hashKey and length: false only where isKnownReference
   * would say false, so an n-gram's string is built only for a possible reference.
   */
  isKnownHash?: (hash: number, length: number) => boolean
  /** Longest reference worth gluing tokens for (RF references are always followed to 25). */
  maxReferenceLength?: number
}

const MINED: ReadonlySet<SegmentTag> = new Set<SegmentTag>(["TEXT", "SVWZ", "EREF"])
const CONJUNCTIONS = new Set(["UND", "AND", "U", "SOWIE", "PLUS"])
const MAX_NGRAM = 6

/** Reads references, numbers and words out of a purpose and an end-to-end reference. */
export function scanPurpose(purpose: string, endToEnd: string, context: ScanContext): PurposeScan {
  const scan: PurposeScan = { numbers: [], compacts: [], words: [], ultimateDebtor: null }
  let segmentNumber = 0
  for (const segment of splitSepaTags(purpose)) {
    if (segment.tag === "ABWA") {
      scan.ultimateDebtor = segment.text
    } else if (MINED.has(segment.tag)) {
      scanSegment(segment.text, segment.tag === "EREF" ? "end_to_end" : "purpose", segmentNumber++, context, scan)
    }
  }
  if (endToEnd.trim() && endToEnd.trim().toUpperCase() !== "NOTPROVIDED") {
    scanSegment(endToEnd, "end_to_end", segmentNumber, context, scan)
  }
  return scan
}

function scanSegment(text: string, source: NumberMention["source"], segment: number, context: ScanContext, scan: PurposeScan): void {
  const tokens = tokenize(text)
  if (tokens.length && tokens[tokens.length - 1].text === "#") {
    tokens.pop() // a "#" that ends the text labels nothing
  }
  const rfSpan = addCompacts(tokens, source, segment, context, scan)
  addNumbers(tokens, source, segment, context, rfSpan, scan)
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]
    if (isUpperWord(token.text) && !rfSpan.has(index)) {
      scan.words.push(token.text.toLowerCase())
    }
  }
}

/** /^[A-Z]{2,}$/ without a regular expression. */
function isUpperWord(text: string): boolean {
  if (text.length < 2) {
    return false
  }
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 65 || code > 90) {
      return false
    }
  }
  return true
}

/** Adds every known n-gram; returns the token indexes that belong to an RF reference (valid or not). */
function addCompacts(tokens: Token[], source: CompactMention["source"], segment: number, context: ScanContext, scan: PurposeScan): Set<number> {
  const maxLength = context.maxReferenceLength ?? 35
  const rfSpan = new Set<number>()
  const words = tokens.map((token, index) => ({ token, index })).filter(({ token }) => token.text !== "#")
  // Called as the context's methods (IndexScanContext's are methods, not closures).
  const hasKnownReference = context.isKnownReference !== undefined
  const hasKnownHash = context.isKnownHash !== undefined
  for (let i = 0; i < words.length; i++) {
    const isRfStart = isRfHead(words[i].token.text)
    // An n-gram's string is built only for an RF head (its check digits) or when its hash is some reference's.
    let compact = ""
    let length = 0
    let hash = HASH_START
    let validEnd = -1
    for (let j = i; j < Math.min(words.length, i + MAX_NGRAM); j++) {
      const text = words[j].token.text
      length += text.length
      if (length > (isRfStart ? Math.max(25, maxLength) : maxLength)) {
        break
      }
      const rfValid = isRfStart && length <= 25 && isValidCompactRf((compact = joinTexts(words, i, j)))
      if (rfValid) {
        validEnd = j
      }
      if (hasKnownHash) {
        for (let k = 0; k < text.length; k++) {
          hash = hashStep(hash, text.charCodeAt(k))
        }
      }
      const possible = !hasKnownReference || !hasKnownHash || context.isKnownHash!(hash, length)
      if (possible && (!hasKnownReference || context.isKnownReference!((compact = joinTexts(words, i, j))))) {
        compact = joinTexts(words, i, j)
        const raw = words.slice(i, j + 1).map(({ token }, k) => (k ? token.sepBefore : "") + token.raw).join("")
        scan.compacts.push({ compact, raw, source, rf: isRfStart, rfValid, span: { segment, from: words[i].index, to: words[j].index } })
      }
    }
    if (isRfStart) {
      markRfSpan(words, i, validEnd, rfSpan)
    }
  }
  return rfSpan
}

/** The token texts of words[from … to] glued together. */
function joinTexts(words: { token: Token }[], from: number, to: number): string {
  let text = words[from].token.text
  for (let k = from + 1; k <= to; k++) {
    text += words[k].token.text
  }
  return text
}

/** /^RF\d{2}/ on an upper-case token text. */
function isRfHead(text: string): boolean {
  return text.length >= 4 && text.charCodeAt(0) === 82 && text.charCodeAt(1) === 70 && isDigitCode(text.charCodeAt(2)) && isDigitCode(text.charCodeAt(3))
}

const isDigitCode = (code: number) => code >= 48 && code <= 57

/** A valid RF covers its tokens; an invalid one covers the short groups printed after it. */
function markRfSpan(words: { token: Token; index: number }[], start: number, validEnd: number, span: Set<number>): void {
  let length = 0
  for (let j = start; j < words.length; j++) {
    length += words[j].token.text.length
    const within = validEnd >= 0 ? j <= validEnd : j === start || (words[j].token.text.length <= 4 && length <= 25)
    if (!within) {
      break
    }
    span.add(words[j].index)
  }
}

type NumberGroup = { first: number; last: number; parts: string[]; seps: string[] }

function addNumbers(tokens: Token[], source: NumberMention["source"], segment: number, context: ScanContext, rfSpan: Set<number>, scan: PurposeScan): void {
  let previousLabelledEnd = -2
  let skipThrough = -1
  for (const group of numberGroups(tokens, rfSpan, context)) {
    const kind = group.first <= skipThrough ? "excluded" : classifyGroup(group, tokens)
    if (kind === "excluded") {
      if (tokens[group.last + 1]?.sepBefore === ",") {
        skipThrough = group.last + 1 // the cents after a decimal comma belong to the amount
      }
      continue
    }
    const label = labelOf(tokens, group.first, context, previousLabelledEnd)
    if (label.state === "ignored") {
      continue
    }
    const digits = group.parts.join("")
    const labelled = label.state === "labelled"
    const listed = label.state === "listed"
    if (labelled || listed) {
      previousLabelledEnd = group.last
    }
    const raw = tokens.slice(label.from, group.last + 1).map((t, k) => (k ? t.sepBefore : "") + t.raw).join("")
    const span = { segment, from: group.first, to: group.last }
    const whole = scan.numbers.push({ digits, raw, source, labelled, listed, ambiguous: kind === "ambiguous", span }) - 1
    if (isSlashList(group)) {
      for (const [k, part] of group.parts.entries()) {
        const at = group.first + k
        scan.numbers.push({ digits: part, raw: tokens[at].raw, source, labelled: false, listed: true, ambiguous: false, span: { segment, from: at, to: at }, partOf: whole })
      }
    }
  }
}

/** "1042/1057": two or more numbers of at least 4 digits joined by slashes may be a list of orders. */
function isSlashList(group: NumberGroup): boolean {
  return group.parts.length >= 2 && group.seps.every((sep) => sep === "/") && group.parts.every((part) => part.length >= 4)
}

/** Digit tokens chained by a single `-`, `/` or `.` form one number ("2026-1042" → 20261042). */
function numberGroups(tokens: Token[], rfSpan: Set<number>, context: ScanContext): NumberGroup[] {
  const groups: NumberGroup[] = []
  let current: NumberGroup | null = null
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]
    const digits = digitsOf(token, context)
    if (rfSpan.has(index) || digits === null) {
      current = null
      continue
    }
    if (current && current.last === index - 1 && /^[-/.]$/.test(token.sepBefore) && token.isDigits) {
      current.parts.push(digits)
      current.seps.push(token.sepBefore)
      current.last = index
    } else {
      current = { first: index, last: index, parts: [digits], seps: [] }
      groups.push(current)
    }
  }
  return groups
}

/** Digits of a plain number token, or of a keyword glued to a number ("RE1042", "NR1042"). */
function digitsOf(token: Token, context: ScanContext): string | null {
  if (token.isDigits) {
    return token.text
  }
  const text = token.text
  if (text.length < 2 || !isDigitCode(text.charCodeAt(text.length - 1))) {
    return null // most words end in a letter: no keyword glued to a number
  }
  const glued = /^([A-Z]+)(\d+)$/.exec(text)
  return glued && context.labels.has(glued[1]) ? glued[2] : null
}

function classifyGroup(group: NumberGroup, tokens: Token[]): "excluded" | "ambiguous" | "plain" {
  const { parts, seps } = group
  const next = tokens[group.last + 1]
  const last = parts[parts.length - 1]
  const decimalComma = next && next.isDigits && next.text.length === 2 && next.sepBefore === ","
  if (decimalComma || (parts.length >= 2 && last.length === 2 && seps[seps.length - 1] === ".")) {
    return "excluded" // an amount such as 119,00 or 119.00
  }
  const lengths = parts.map((part) => part.length)
  const dayMonthYear = parts.length === 3 && lengths[0] <= 2 && lengths[1] <= 2 && (lengths[2] === 2 || lengths[2] === 4)
  const isoDate = parts.length === 3 && lengths[0] === 4 && lengths[1] <= 2 && lengths[2] <= 2
  if (dayMonthYear || isoDate) {
    return "excluded"
  }
  const monthYear = parts.length === 2 && lengths[0] <= 2 && lengths[1] === 4
  const digits = parts.join("")
  const year = digits.length === 4 && Number(digits) >= 1900 && Number(digits) <= 2099
  const postalCode = parts.length === 1 && digits.length === 5
  return monthYear || year || postalCode ? "ambiguous" : "plain"
}

/** Looks back up to three tokens for a label or an ignore word; a list inherits its label. */
function labelOf(tokens: Token[], first: number, context: ScanContext, previousLabelledEnd: number): { state: "labelled" | "listed" | "ignored" | "none"; from: number } {
  let labelled = /^[A-Z]+\d+$/.test(tokens[first].text)
  let listed = false
  let from = first
  for (let i = first - 1, steps = 0; i >= 0 && steps < 3; i--, steps++) {
    const text = tokens[i].text
    if (context.ignore.has(text)) {
      return { state: "ignored", from }
    }
    if (tokens[i].isDigits) {
      // A list continues after a comma, semicolon, plus, ampersand or slash, not after a bare space.
      labelled ||= i === previousLabelledEnd && /^\s*[,;+&/]\s*$/.test(tokens[i + 1].sepBefore)
      listed = i === previousLabelledEnd && /^\s+$/.test(tokens[i + 1].sepBefore)
      break
    }
    if (context.labels.has(text) || text === "#") {
      labelled = true
      from = i
    } else if (CONJUNCTIONS.has(text)) {
      labelled ||= i - 1 === previousLabelledEnd
      break
    } else {
      break
    }
  }
  return { state: labelled ? "labelled" : listed ? "listed" : "none", from }
}
