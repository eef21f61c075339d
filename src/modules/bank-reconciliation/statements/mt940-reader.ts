import { decimal, type Decimal } from "../../../lib/money"
import { shownAmount, statementAmount } from "./decimal-amount"
import { isValidIban } from "../../../lib/bank-transfer/iban"
import { germanIban } from "./german-iban"
import { readMt940Details } from "./mt940-purpose"
import { Statement, StatementEntry, StatementFile, StatementFileError, statementWarning, type StatementWarning } from "./types"

type Field = { tag: string; value: string; line: number }
type Balance = { units: Decimal; currency: string; date: string }

// :61: 6!n[4!n]2a[1!a]15d1!a3!c16x[//16x] — value date, booking date, mark (C, D, RC, RD), funds code,
// amount with a decimal comma, transaction type, customer reference, bank reference. Banks pad: a space
// after the amount (Deutsche Bank, Commerzbank), a type code of two letters and a space (ING "NOV "),
// a whole amount without its comma (Knab "C500NTRF").
const STATEMENT_LINE = /^(\d{6})(\d{4})?(RC|RD|C|D)([A-Z])?(\d{1,15}(?:,\d*)?) ?([NSF][A-Z0-9]{2}[A-Z0-9 ])([^/]*?)(?:\/\/(.*))?$/
// a balance without its currency (":62M:C020315105000,00", HBCI exports) has the opening balance's
const BALANCE = /^([CD])(\d{6})([A-Z]{3})?(\d{1,15}(?:,\d*)?)$/
// the fields of MT940 (and MT942, and HBCI's :NS:): a line starting with another ":12:" continues the field before
const FIELD = /^:(20|21|25P?|28C?|60[FM]|61|62[FM]|64|65|86|NS|13D?|34F|90[CD]):(.*)$/
// fields that are one line: a non-field line after them is no continuation (headers and trailers of
// the next message, "-XXX" or "-}{5:…}" trailers, a bank's "940" or "ABNANL2A" lines)
const SINGLE_LINE = new Set(["60F", "60M", "62F", "62M", "64", "65"])

/**
 * Reads a SWIFT MT940 statement file as German banks export it (DK format; several statements, one
 * per account and day, each from :20: to :62F:). The account is :25: (BLZ/account number, turned into
 * the German IBAN, or an IBAN); the :86: details are read by readMt940Details. A statement without
 * its closing balance (a cut-off file) is refused; one whose opening balance plus entries does not
 * give its closing balance is read, with a warning.
 */
export function readMt940(content: string): StatementFile {
  const groups: Field[][] = []
  for (const field of tokenize(content)) {
    if (field.tag === "20") {
      groups.push([])
    } else if (!groups.length) {
      throw new StatementFileError(`line ${field.line}`, `:${field.tag}: before the first statement's :20:`, "mt940_field_before_statement", { tag: field.tag })
    }
    groups[groups.length - 1].push(field)
  }
  if (!groups.length) {
    throw new StatementFileError("line 1", "no MT940 statement (:20:) in the file", "mt940_no_statement")
  }
  const warnings: StatementWarning[] = []
  return { format: "mt940", statements: groups.map((group, i) => readStatement(group, i + 1, warnings)), warnings }
}

/** The file's fields with their first line; a field's continuation lines are joined to it. */
function tokenize(content: string): Field[] {
  const fields: Field[] = []
  const lines = content.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/)
  // after a statement's end marker, until the next field, lines belong to no field
  let between = true
  lines.forEach((line, i) => {
    const start = FIELD.exec(line)
    if (start) {
      fields.push({ tag: start[1], value: start[2], line: i + 1 })
      between = false
    } else if (line.trim() === "" || /^\{[1-5]:/.test(line)) {
      // blank lines and SWIFT block headers carry nothing
    } else if (line.trim() === "-" || line.startsWith("-}")) {
      // the end marker of a statement, alone or with the SWIFT trailer and the next message's header
      between = true
    } else if (between || !fields.length || SINGLE_LINE.has(fields[fields.length - 1].tag)) {
      // a bank's header lines before the first or between two statements ("940", "ABNANL2A", ":940:")
      between = true
    } else {
      const last = fields[fields.length - 1]
      // :61:'s second line is its details. :86: lines hold 65 characters and a full line is cut without
      // regard for words: joined as it is; a shorter line ended at a word (free text, and names and
      // purposes of banks that wrap at words). A line that opens a subfield ("?21…") is joined as it
      // is: the subfields' own 27-character rule decides there.
      // (banks count the 65 with or without the ":86:" of the first line: a first line of 65 with it is full)
      const atWord = last.tag === "86" && lines[i - 1].length < 65 && !/^[^\w\s]\d{2}/.test(line) && !/^\d{3}$/.test(last.value)
      last.value += last.tag === "61" ? `\n${line}` : atWord ? ` ${line}` : line
    }
  })
  return fields
}

function readStatement(fields: Field[], index: number, warnings: StatementWarning[]): Statement {
  const place = `statement ${index} (line ${fields[0].line})`
  const one = (tag: RegExp, name: string) => {
    const found = fields.find((f) => tag.test(f.tag))
    if (!found) {
      throw new StatementFileError(place, `no ${name} field: the file is incomplete`, "mt940_missing_field", { field: name.split(" ")[0] })
    }
    return found
  }
  const accountField = one(/^25$/, ":25: account")
  const opening = balanceOf(one(/^60[FM]$/, ":60F: opening balance"), null)
  const closing = balanceOf(one(/^62[FM]$/, ":62F: closing balance"), opening.currency)
  const account = accountField.value.trim()
  const iban = ibanOf(account)
  const entries: StatementEntry[] = []
  fields.forEach((field, i) => {
    if (field.tag !== "61") {
      return
    }
    // the :86: after the entry, HBCI's :NS: fields may stand between them
    const next = fields.slice(i + 1).find((f) => f.tag !== "NS")
    const details = next?.tag === "86" ? next : null
    entries.push(readEntry(field, details, opening))
  })
  const total = entries.reduce((sum, e) => (e.direction === "debit" ? sum.minus(e.amount) : sum.plus(e.amount)), opening.units)
  if (!total.eq(closing.units)) {
    // read anyway: each entry stands on its own line; the operator is told
    warnings.push(
      statementWarning(place, `opening balance and entries give ${shownAmount(total)}, the closing balance is ${shownAmount(closing.units)}: entries may be missing`, "balance_mismatch", {
        booked: shownAmount(total),
        closing: shownAmount(closing.units),
      })
    )
  }
  return {
    iban,
    account_label: account,
    currency: opening.currency,
    statement_id: fields.find((f) => f.tag === "28C")?.value.trim() ?? null,
    entries,
    place,
  }
}

function readEntry(field: Field, details: Field | null, opening: Balance): StatementEntry {
  const place = `line ${field.line}`
  const [first, supplementary] = field.value.split("\n")
  const match = STATEMENT_LINE.exec(first.trim())
  if (!match) {
    throw new StatementFileError(place, `":61:${first}" is not a statement line`, "mt940_bad_statement_line", { text: `:61:${first}` })
  }
  const [, valueDate, entryDate, mark, , amount, type, , bankReference] = match
  const value = dateOf(valueDate, place)
  const d = readMt940Details(details?.value ?? "")
  return {
    amount: statementAmount(decimalComma(amount), place),
    currency: opening.currency,
    // RD, a reversed debit, is money coming back; RC, a reversed credit, is money going out again
    direction: mark === "C" || mark === "RD" ? "credit" : "debit",
    status: "BOOK",
    reversal: mark.startsWith("R"),
    booking_date: entryDate ? bookingDate(value, entryDate, place) : value,
    value_date: value,
    end_to_end_reference: d.end_to_end_reference,
    // MT940 has no structured creditor reference: an RF reference written into the text is taken as one
    creditor_reference: /(?:^|\s)(RF\d{2}[A-Z0-9]{1,21})(?=\s|$)/.exec(d.remittance_text ?? "")?.[1] ?? null,
    remittance_text: d.remittance_text,
    debtor_name: d.counterpart_name,
    debtor_iban: ibanShaped(d.counterpart_account),
    debtor_bic: d.counterpart_bic && /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(d.counterpart_bic) ? d.counterpart_bic : null,
    ultimate_debtor: d.ultimate_debtor,
    mandate_reference: d.mandate_reference,
    creditor_id: d.creditor_id,
    bank_reference: nonRef(bankReference ?? null) ?? nonRef(supplementary?.trim() ?? null),
    transaction_code: d.transaction_code ?? type,
    place,
  }
}

function balanceOf(field: Field, statementCurrency: string | null): Balance {
  const match = BALANCE.exec(field.value.trim())
  const currency = match?.[3] ?? statementCurrency
  if (!match || !currency) {
    throw new StatementFileError(`line ${field.line}`, `":${field.tag}:${field.value}" is not a balance`, "mt940_bad_balance", { text: `:${field.tag}:${field.value}` })
  }
  const units = decimal(statementAmount(decimalComma(match[4]), `line ${field.line}`))
  return { units: match[1] === "D" ? units.negated() : units, currency, date: dateOf(match[2], `line ${field.line}`) }
}

/** MT940 amounts have a decimal comma and may end with it: "0," is 0, "1027,5" is 1027.50. */
function decimalComma(amount: string): string {
  return amount.replace(",", ".").replace(/\.$/, "")
}

/**
 * The account's IBAN: ":25:" holds an IBAN (sometimes with the currency after it), "BLZ/account"
 * (German banks, turned into the IBAN) or "BIC/IBAN" (Luxembourg, Austria).
 */
function ibanOf(account: string): string | null {
  const compact = account.replace(/\s+/g, "").toUpperCase()
  for (const part of [compact, ...compact.split("/")]) {
    for (const candidate of [part, part.replace(/[A-Z]{3}$/, "")]) {
      if (isValidIban(candidate)) {
        return candidate
      }
    }
  }
  // "BLZ/account", sometimes with the currency after the account number
  const blzAccount = /^(\d{8})\/(\d{1,10})(?:[A-Z]{3})?$/.exec(compact)
  if (blzAccount) {
    return germanIban(blzAccount[1], blzAccount[2])
  }
  // "BIC/IBAN" whose check digits the bank did not keep (test accounts): the IBAN as written
  const bicIban = /^[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?\/([A-Z]{2}\d{2}[A-Z0-9]{10,30})$/.exec(compact)
  return ibanShaped(bicIban?.[1] ?? compact)
}

/** What has the shape of an IBAN (the bank wrote it; its check digits are the bank's business). */
function ibanShaped(value: string | null): string | null {
  const compact = (value ?? "").replace(/\s+/g, "").toUpperCase()
  return /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(compact) ? compact : null
}

function dateOf(yymmdd: string, place: string): string {
  const [yy, mm] = [yymmdd.slice(0, 2), yymmdd.slice(2, 4)]
  // German banks date interest and fees on the 30th of every month, February included ("160230"):
  // a day past the month's end is its last day
  const lastDay = new Date(Date.UTC(2000 + Number(yy), Number(mm), 0)).getUTCDate()
  const day = Number(yymmdd.slice(4, 6))
  const dd = day > lastDay && day <= 31 && Number(mm) >= 1 && Number(mm) <= 12 ? String(lastDay) : yymmdd.slice(4, 6)
  const iso = `20${yy}-${mm}-${dd.padStart(2, "0")}`
  const date = new Date(`${iso}T00:00:00Z`)
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) {
    throw new StatementFileError(place, `"${yymmdd}" is not a date`, "not_a_date", { text: yymmdd })
  }
  return iso
}

/** :61: gives the booking date without a year: the one of the value date, or the next/previous around New Year. */
function bookingDate(valueDate: string, mmdd: string, place: string): string {
  const year = Number(valueDate.slice(0, 4))
  const month = Number(mmdd.slice(0, 2))
  const valueMonth = Number(valueDate.slice(5, 7))
  const bookingYear = valueMonth === 12 && month === 1 ? year + 1 : valueMonth === 1 && month === 12 ? year - 1 : year
  return dateOf(`${String(bookingYear).slice(2)}${mmdd}`, place)
}

function nonRef(value: string | null): string | null {
  const text = value?.trim()
  return text && text !== "NONREF" ? text : null
}
