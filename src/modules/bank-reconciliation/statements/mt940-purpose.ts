/**
 * The German structured :86: field (DK "Spezifikation der Datenformate", Anlage 3): a three-digit
 * business transaction code (GVC), then subfields introduced by a separator (usually "?") and two
 * digits: ?00 booking text, ?10 primanota, ?20–?29 and ?60–?63 purpose lines, ?30 BIC/BLZ,
 * ?31 IBAN/account, ?32–?33 name, ?34 text key addition. SEPA payments put keyword-introduced parts
 * into the purpose lines: EREF+ end-to-end reference, KREF+ customer reference, MREF+ mandate,
 * CRED+ creditor id, DEBT+ originator id, SVWZ+ remittance text, ABWA+/ABWE+ ultimate debtor/creditor,
 * PURP+ purpose code.
 */
export interface Mt940Details {
  transaction_code: string | null
  booking_text: string | null
  /** SVWZ+ text, or the whole purpose when the bank used no keywords. */
  remittance_text: string | null
  end_to_end_reference: string | null
  customer_reference: string | null
  mandate_reference: string | null
  creditor_id: string | null
  ultimate_debtor: string | null
  counterpart_bic: string | null
  counterpart_account: string | null
  counterpart_name: string | null
}

const PURPOSE_FIELDS = new Set(["20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "60", "61", "62", "63"])
// PURP+ (purpose code, "PURP+RINP"), BREF+/RREF+ (bank and return references) are keywords too: not remittance text
const KEYWORDS = ["EREF", "KREF", "MREF", "CRED", "DEBT", "COAM", "OAMT", "SVWZ", "ABWA", "ABWE", "IBAN", "BIC", "PURP", "BREF", "RREF"]
const KEYWORD_AT_START = new RegExp(`^(${KEYWORDS.join("|")})\\+`)
// a keyword counts at a line's start, or after a space inside a line: "RECHNUNGSNR+1" is none
const KEYWORD = new RegExp(`(?<=^|[\\s\u0000])(${KEYWORDS.join("|")})\\+`)
const LINE_START = "\u0000"
const LINE_LENGTH = 27

/** Reads one :86: value (its lines already joined without the line breaks). */
export function readMt940Details(raw: string): Mt940Details {
  // some banks put a space before the GVC (":86: 020?00…")
  const value = raw.replace(/^\s+/, "")
  const structured = /^(\d{3})(\D)(\d{2})/.exec(value)
  if (!structured) {
    return swiftCodes(value) ?? { ...emptyDetails(), remittance_text: clean(value) }
  }
  const [, code, separator] = structured
  const fields = new Map<string, string[]>()
  const purpose: string[] = []
  for (const part of value.slice(3).split(separator).slice(1)) {
    const key = part.slice(0, 2)
    const content = part.slice(2)
    if (PURPOSE_FIELDS.has(key)) {
      purpose.push(content)
    } else {
      fields.set(key, [...(fields.get(key) ?? []), content])
    }
  }
  const parts = purposeParts(purpose)
  // ?32 and ?33 hold 27 characters each: a full ?32 continues in ?33 mid-word, a shorter one ended at a word
  const name = joinLines([...(fields.get("32") ?? []), ...(fields.get("33") ?? [])])
  return {
    transaction_code: code,
    booking_text: clean(fields.get("00")?.join("") ?? null),
    remittance_text: parts.get("SVWZ") ?? (parts.size ? null : clean(joinLines(purpose))),
    end_to_end_reference: parts.get("EREF") ?? null,
    customer_reference: parts.get("KREF") ?? null,
    mandate_reference: parts.get("MREF") ?? null,
    creditor_id: parts.get("CRED") ?? null,
    ultimate_debtor: parts.get("ABWA") ?? null,
    counterpart_bic: clean(fields.get("30")?.join("") ?? null),
    counterpart_account: clean(fields.get("31")?.join("") ?? null),
    counterpart_name: clean(name),
  }
}

// the codes of the SWIFT-style :86: ("/EREF/…/CNTP/IBAN/BIC/NAME/CITY/REMI/USTD//text/") of Dutch and
// international banks (ING, ABN AMRO, Rabobank, …)
// (the older Dutch layout: "/TRTP/SEPA OVERBOEKING/IBAN/…/BIC/…/NAME/…/REMI/…")
const SWIFT_CODE = /\/(EREF|PREF|MARF|CSID|CNTP|REMI|ORDP|BENM|ULTC|ULTD|ULTB|PURP|RTRN|IREF|ISDT|NAME|ADDR|ID|TRCD|TRTP|IBAN|BBAN|BIC|BUSP|EXCH|CHGS|OCMT|SVCL|ACCW|BENB|ORDB|SUM)\//

/** Reads a SWIFT-style coded :86: into the same details; null when the text is not one. */
function swiftCodes(value: string): Mt940Details | null {
  const text = value.trim()
  if (!text.startsWith("/") || !/\/(EREF|CNTP|REMI|ORDP|BENM|NAME|TRTP)\//.test(text)) {
    return null
  }
  const pieces = text.split(SWIFT_CODE)
  const codes = new Map<string, string>()
  for (let i = 1; i < pieces.length; i += 2) {
    if (!codes.has(pieces[i])) {
      codes.set(pieces[i], pieces[i + 1] ?? "")
    }
  }
  const strip = (v: string | undefined) => clean((v ?? "").replace(/^\/+|\/+$/g, ""))
  // CNTP: account/BIC/name/city
  const [account, bic, name] = (codes.get("CNTP") ?? "").split("/")
  const remittance = codes.get("REMI") ?? ""
  // REMI: USTD//free text/ or STRD/CUR/reference/
  const ustd = /^\/?USTD\/\/?(.*)$/.exec(remittance)?.[1]
  const strd = /^\/?STRD\/[A-Z]*\/(.*)$/.exec(remittance)?.[1]
  return {
    ...emptyDetails(),
    remittance_text: strip(ustd ?? strd ?? remittance) ?? null,
    end_to_end_reference: strip(codes.get("EREF")),
    mandate_reference: strip(codes.get("MARF")),
    creditor_id: strip(codes.get("CSID")),
    ultimate_debtor: strip(codes.get("ULTD")?.replace(/^\/?NAME\//, "")),
    counterpart_account: strip(account) ?? strip(codes.get("IBAN")),
    counterpart_bic: strip(bic) ?? strip(codes.get("BIC")),
    counterpart_name: strip(name) ?? strip(codes.get("NAME")),
  }
}

/**
 * The keyword parts of the purpose lines. A line that starts with a keyword opens a part and a line
 * without one continues the part before it (lines are cut at 27 characters, mid-word: joined without
 * a space). Some banks write several parts into one line: a keyword after a space opens a part too.
 * Text before the first keyword is taken as remittance text.
 */
function purposeParts(lines: string[]): Map<string, string> {
  const parts = new Map<string, string>()
  if (!lines.some((line) => KEYWORD.test(line))) {
    return parts
  }
  const joined = joinLines(lines.map((line) => (KEYWORD_AT_START.test(line) ? LINE_START + line : line)))
  // split with a capture group gives [before, keyword, text, keyword, text, …]
  const pieces = joined.split(KEYWORD)
  addPart(parts, "SVWZ", pieces[0])
  for (let i = 1; i < pieces.length; i += 2) {
    addPart(parts, pieces[i], pieces[i + 1])
  }
  return parts
}

/** Purpose lines hold 27 characters: a full line was cut mid-word and continues without a space. */
function joinLines(lines: string[]): string {
  return lines.reduce((text, line, i) => text + (i > 0 && lines[i - 1].replace(LINE_START, "").length < LINE_LENGTH ? " " : "") + line, "")
}

function addPart(parts: Map<string, string>, key: string, value: string) {
  const text = clean(value.split(LINE_START).join(""))
  if (text) {
    parts.set(key, parts.has(key) ? `${parts.get(key)} ${text}` : text)
  }
}

function clean(value: string | null): string | null {
  const text = (value ?? "").replace(/\s+/g, " ").trim()
  return text ? text : null
}

function emptyDetails(): Mt940Details {
  return {
    transaction_code: null,
    booking_text: null,
    remittance_text: null,
    end_to_end_reference: null,
    customer_reference: null,
    mandate_reference: null,
    creditor_id: null,
    ultimate_debtor: null,
    counterpart_bic: null,
    counterpart_account: null,
    counterpart_name: null,
  }
}
