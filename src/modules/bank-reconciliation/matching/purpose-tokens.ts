/** Splits remittance text into SEPA tag segments and word/number tokens. */

export type SegmentTag =
  | "TEXT" | "EREF" | "KREF" | "MREF" | "CRED" | "SVWZ" | "ABWA" | "ABWE" | "DEBT" | "BREF"
  | "RREF" | "OAMT" | "COAM" | "IBAN" | "BIC"

export type Segment = { tag: SegmentTag; text: string }

export type Token = {
  /** Upper case, umlauts transliterated (Ä → AE), diacritics removed. */
  text: string
  /** Original characters, for operator-facing reasons. */
  raw: string
  isDigits: boolean
  /** The raw characters between the previous token and this one ("" for the first). */
  sepBefore: string
}

const TAGS = /(^|[^A-Za-z])(EREF|KREF|MREF|CRED|SVWZ|ABWA|ABWE|DEBT|BREF|RREF|OAMT|COAM|IBAN|BIC)\+/g

/** Splits German SEPA `TAG+value` text; text before the first tag is tagged TEXT. */
export function splitSepaTags(purpose: string): Segment[] {
  const segments: Segment[] = []
  if (!purpose.includes("+")) {
    pushSegment(segments, "TEXT", purpose) // no TAG+ anywhere: one TEXT segment, without running the expression
    return segments
  }
  let tag: SegmentTag = "TEXT"
  let start = 0
  for (const match of purpose.matchAll(TAGS)) {
    const tagStart = (match.index ?? 0) + match[1].length
    pushSegment(segments, tag, purpose.slice(start, tagStart))
    tag = match[2] as SegmentTag
    start = tagStart + match[2].length + 1
  }
  pushSegment(segments, tag, purpose.slice(start))
  return segments
}

function pushSegment(segments: Segment[], tag: SegmentTag, text: string): void {
  const trimmed = text.trim()
  if (trimmed && trimmed.toUpperCase() !== "NOTPROVIDED") {
    segments.push({ tag, text: trimmed })
  }
}

const UMLAUTS: Record<string, string> = { Ä: "AE", Ö: "OE", Ü: "UE", ä: "ae", ö: "oe", ü: "ue", ß: "ss" }

/** Transliterates German umlauts and ß, then strips other diacritics (é → e). */
export function transliterate(text: string): string {
  let ascii = true
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 127) {
      ascii = false
      break
    }
  }
  if (ascii) {
    return text // nothing to transliterate or strip
  }
  return text
    .replace(/[ÄÖÜäöüß]/g, (char) => UMLAUTS[char])
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
}

/** Letters A–Z, a–z and digits 0–9: the characters a token is made of. */
function isTokenChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
}

/**
 * Tokens are maximal letter/digit runs plus `#`; letters and digits glued together stay one token.
 * One pass over the characters (no regular expression, no match objects).
 */
export function tokenize(text: string): Token[] {
  const plain = transliterate(text)
  const tokens: Token[] = []
  let previousEnd = 0
  for (let at = 0; at < plain.length; at++) {
    const code = plain.charCodeAt(at)
    if (code === 35) {
      tokens.push({ text: "#", raw: "#", isDigits: false, sepBefore: plain.slice(previousEnd, at) })
      previousEnd = at + 1
      continue
    }
    if (!isTokenChar(code)) {
      continue
    }
    const start = at
    let digits = true
    let lower = false
    for (; at < plain.length; at++) {
      const next = plain.charCodeAt(at)
      if (!isTokenChar(next)) {
        break
      }
      digits &&= next <= 57
      lower ||= next >= 97
    }
    const raw = plain.slice(start, at)
    tokens.push({ text: lower ? raw.toUpperCase() : raw, raw, isDigits: digits, sepBefore: plain.slice(previousEnd, start) })
    previousEnd = at
    at-- // the loop steps past the character that ended the token
  }
  return tokens
}
