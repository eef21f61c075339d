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

const TOKEN = /[A-Za-z0-9]+|#/g

/** Tokens are maximal letter/digit runs plus `#`; letters and digits glued together stay one token. */
export function tokenize(text: string): Token[] {
  const plain = transliterate(text)
  const tokens: Token[] = []
  let previousEnd = 0
  for (const match of plain.matchAll(TOKEN)) {
    const start = match.index ?? 0
    tokens.push({
      text: match[0].toUpperCase(),
      raw: match[0],
      isDigits: /^\d+$/.test(match[0]),
      sepBefore: plain.slice(previousEnd, start),
    })
    previousEnd = start + match[0].length
  }
  return tokens
}
