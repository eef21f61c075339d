import { XMLParser, XMLValidator } from "fast-xml-parser"
import { isValidIban } from "../../../lib/bank-transfer/iban"
import { decimal, sumOf, type Decimal } from "../../../lib/money"
import { shownAmount, statementAmount } from "./decimal-amount"
import { Statement, StatementEntry, StatementFile, StatementFileError, StatementFormat } from "./types"

type Node = Record<string, unknown>

const NAMESPACE = /^urn:iso:std:iso:20022:tech:xsd:(camt\.05([234])\.001\.(\d{2}))$/
const REPEATED = new Set(["Stmt", "Ntfctn", "Rpt", "Ntry", "NtryDtls", "TxDtls", "Ustrd", "Strd", "Bal", "CdtrRefInf", "AddtlRmtInf"])
const MESSAGES: Record<string, { message: string; tag: string }> = {
  "2": { message: "BkToCstmrAcctRpt", tag: "Rpt" },
  "3": { message: "BkToCstmrStmt", tag: "Stmt" },
  "4": { message: "BkToCstmrDbtCdtNtfctn", tag: "Ntfctn" },
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: true,
  // every value stays the bank's text: amounts, references with leading zeros, IBANs
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // character references: banks that write ASCII-only XML spell umlauts "M&#252;ller"
  htmlEntities: true,
  isArray: (name) => REPEATED.has(name),
})

/**
 * Reads an ISO 20022 camt.053 (statement), camt.054 (notification) or camt.052 (account report) file,
 * version .001.01 to .001.13, with or without a namespace prefix or a business message envelope
 * around the Document. Batch entries are split into their transactions; nothing is filtered here.
 * Throws StatementFileError naming the place for anything it cannot read with certainty; what it
 * reads anyway but does not add up is reported in warnings.
 */
export function readCamt(xml: string): StatementFile {
  const valid = XMLValidator.validate(xml)
  if (valid !== true) {
    // elements still open at the end: the validator names them but points at line 1
    const open = /^Invalid '\[([\s\S]*)\]' found\.$/.exec(valid.err.msg)
    if (open) {
      const tags = [...open[1].matchAll(/"([^"]+)"/g)].map((m) => `<${m[1]}>`)
      const lastLine = xml.trimEnd().split(/\r\n|\r|\n/).length
      throw new StatementFileError(`line ${lastLine}`, `the XML ends before ${tags.slice(-3).join(", ")} ${tags.length > 1 ? "are" : "is"} closed: the file is cut off`)
    }
    throw new StatementFileError(`line ${valid.err.line}, column ${valid.err.col}`, `not well-formed XML (${valid.err.msg})`)
  }
  const root = findDocument(parse(xml), 0)
  if (!root) {
    throw new StatementFileError("", "no ISO 20022 <Document> element")
  }
  // the parser drops namespace declarations with the prefixes: read the Document's own from the text
  // (any of its xmlns attributes: xmlns:xsi often comes first)
  const tag = /<(?:[\w.-]+:)?Document\b[^>]*>/.exec(xml)?.[0] ?? ""
  const namespaces = [...tag.matchAll(/\sxmlns(?::[\w.-]+)?\s*=\s*["']([^"']*)["']/g)].map((m) => m[1].trim())
  const namespace = namespaces.find((n) => NAMESPACE.test(n)) ?? namespaces.find((n) => n.startsWith("urn:iso:std:iso:20022")) ?? namespaces[0] ?? ""
  const match = NAMESPACE.exec(namespace)
  if (!match) {
    throw new StatementFileError(
      "Document",
      `namespace "${namespace}" is not supported; expected camt.053 (statement), camt.054 (notification) or camt.052 (report)`
    )
  }
  const format = match[1] as StatementFormat
  const { message: messageTag, tag: statementTag } = MESSAGES[match[2]]
  const message = node(root, messageTag)
  const statements = list(message?.[statementTag])
  if (!message || !statements.length) {
    throw new StatementFileError("Document", `no <${statementTag}> in the ${format} message`)
  }
  const warnings: string[] = []
  // a statement (053) and a notification (054) hold booked entries: an entry without <Sts> is booked;
  // a report (052) also holds pending ones
  const context = { warnings, defaultStatus: statementTag === "Rpt" ? "" : "BOOK", messageDate: dateTimeOf(text(message, "GrpHdr", "CreDtTm")) }
  return { format, statements: statements.map((s, i) => readStatement(s, `${statementTag} ${i + 1}`, context)), warnings }
}

/** The parsed XML; the parser refuses some input its validator let through (an unclosed "<?…"). */
function parse(xml: string): Node {
  try {
    return parser.parse(xml) as Node
  } catch (error) {
    throw new StatementFileError("", `not well-formed XML (${(error as Error).message})`)
  }
}

/** The Document: the root, or inside a business message envelope (AppHdr beside it, DataPDU, …). */
function findDocument(from: Node, depth: number): Node | null {
  if (from.Document && typeof from.Document === "object") {
    return (Array.isArray(from.Document) ? from.Document[0] : from.Document) as Node
  }
  if (depth >= 4) {
    return null
  }
  for (const [key, value] of Object.entries(from)) {
    if (!key.startsWith("@") && key !== "?xml" && value && typeof value === "object") {
      const found = findDocument((Array.isArray(value) ? value[0] : value) as Node, depth + 1)
      if (found) {
        return found
      }
    }
  }
  return null
}

type Context = { warnings: string[]; defaultStatus: string; messageDate: string | null }

function readStatement(stmt: Node, place: string, context: Context): Statement {
  const account = node(stmt, "Acct")
  const other = text(account, "Id", "Othr", "Id")
  // some banks put the IBAN into <Othr><Id>
  const iban = text(account, "Id", "IBAN") ?? (other && isValidIban(compactIban(other)) ? other : null)
  if (!iban && !other) {
    throw new StatementFileError(`${place}, Acct`, "the account has neither an IBAN nor another id")
  }
  const entries: StatementEntry[] = []
  const currency = text(account, "Ccy")?.toUpperCase() ?? null
  const ntries = list(stmt.Ntry)
  // the statement's own date, for entries that carry none (booked entries without BookgDt and ValDt)
  const statementDate =
    dateTimeOf(text(stmt, "FrToDt", "ToDtTm")) ??
    dateOf(node(list(stmt.Bal).find((b) => text(b, "Tp", "CdOrPrtry", "Cd") === "CLBD")?.Dt)) ??
    dateTimeOf(text(stmt, "CreDtTm")) ??
    context.messageDate
  const entryContext = { ...context, statementDate }
  ntries.forEach((ntry, i) => entries.push(...readEntry(ntry, `${place}, Ntry ${i + 1}`, currency, entryContext)))
  const statementCurrency = currency ?? entries[0]?.currency ?? currencyOf(list(stmt.Bal)[0]?.Amt) ?? "EUR"
  checkBalances(stmt, ntries, statementCurrency, place, context)
  return {
    iban: iban ? compactIban(iban) : null,
    account_label: iban ?? other!,
    currency: statementCurrency,
    statement_id: text(stmt, "Id"),
    entries,
    place,
  }
}

function readEntry(
  ntry: Node,
  place: string,
  accountCurrency: string | null,
  context: Context & { statementDate: string | null }
): StatementEntry[] {
  const { warnings } = context
  const entryAmount = amountOf(ntry.Amt, `${place}, Amt`, accountCurrency)
  const direction = directionOf(text(ntry, "CdtDbtInd"), `${place}, CdtDbtInd`)
  const status = statusOf(ntry, context.defaultStatus)
  const reversal = booleanOf(text(ntry, "RvslInd"))
  // a booked entry without a booking date (some camt.054) is booked on its value date, one without
  // either on the statement's date
  const bookingDate = dateOf(node(ntry, "BookgDt")) ?? dateOf(node(ntry, "ValDt")) ?? (status === "BOOK" ? context.statementDate : null)
  if (!bookingDate && status === "BOOK") {
    throw new StatementFileError(`${place}, BookgDt`, "a booked entry has neither a booking date nor a value date")
  }
  const shared = {
    status,
    reversal,
    booking_date: bookingDate ?? "",
    value_date: dateOf(node(ntry, "ValDt")),
    bank_reference: text(ntry, "AcctSvcrRef") ?? text(ntry, "NtryRef"),
    transaction_code: bankTransactionCode(node(ntry, "BkTxCd")),
  }
  const details = list(ntry.NtryDtls).flatMap((d) => list(d.TxDtls))
  const whole = (): StatementEntry => ({ ...emptyParties(), ...shared, ...entryAmount, direction, remittance_text: text(ntry, "AddtlNtryInf"), place })
  if (!details.length) {
    return [whole()]
  }
  if (details.length === 1) {
    // one transaction: the entry's amount is what was booked (a transaction's own amount may be the
    // instructed one, in another currency or before charges)
    const tx = details[0]
    return [
      {
        ...shared,
        ...entryAmount,
        ...parties(tx),
        direction,
        bank_reference: text(tx, "Refs", "AcctSvcrRef") ?? shared.bank_reference,
        transaction_code: bankTransactionCode(node(tx, "BkTxCd")) ?? shared.transaction_code,
        place,
      },
    ]
  }
  const entries = details.map((tx, i) => {
    const txPlace = `${place}, TxDtls ${i + 1}`
    const amount = transactionAmount(tx, entryAmount.currency, txPlace)
    const txDirection = text(tx, "CdtDbtInd") ? directionOf(text(tx, "CdtDbtInd"), `${txPlace}, CdtDbtInd`) : direction
    return {
      ...shared,
      ...amount,
      ...parties(tx),
      direction: txDirection,
      bank_reference: text(tx, "Refs", "AcctSvcrRef") ?? shared.bank_reference,
      transaction_code: bankTransactionCode(node(tx, "BkTxCd")) ?? shared.transaction_code,
      place: txPlace,
    }
  })
  const missing = entries.findIndex((e) => e.amount === null)
  const sum = sumOf(entries.map((e) => (e.amount === null ? 0 : signed(e as { amount: string; direction: "credit" | "debit" }))))
  if (missing >= 0 || !sum.eq(signed({ ...entryAmount, direction }))) {
    // the bank booked the entry: imported as one payment of its amount rather than split wrongly
    warnings.push(
      missing >= 0
        ? `${place}, TxDtls ${missing + 1}: a transaction of the batch has no amount in ${entryAmount.currency}; the entry is read as one payment of ${entryAmount.amount}`
        : `${place}: the batch's transactions add up to ${shownAmount(sum)}, the entry says ${entryAmount.amount}; the entry is read as one payment`
    )
    return [whole()]
  }
  return entries as StatementEntry[]
}

/**
 * A batch transaction's amount in the entry's currency: <Amt> (.04 and later), <AmtDtls><TxAmt> (.02),
 * or the counter value; null when it has none in that currency.
 */
function transactionAmount(tx: Node, currency: string, place: string): { amount: string | null; currency: string } {
  const candidates = [tx.Amt, node(tx, "AmtDtls", "TxAmt")?.Amt, node(tx, "AmtDtls", "CntrValAmt")?.Amt].filter(Boolean)
  const inCurrency = candidates.find((c) => currencyOf(c) === currency)
  return inCurrency ? amountOf(inCurrency, `${place}, Amt`, currency) : { amount: null, currency }
}

function parties(tx: Node): Omit<StatementEntry, "amount" | "currency" | "direction" | "status" | "reversal" | "booking_date" | "value_date" | "bank_reference" | "transaction_code" | "place"> {
  const related = node(tx, "RltdPties")
  // .08 wraps the party: <Dbtr><Pty><Nm>; .02/.04: <Dbtr><Nm>
  const debtor = node(related, "Dbtr", "Pty") ?? node(related, "Dbtr")
  const ultimate = node(related, "UltmtDbtr", "Pty") ?? node(related, "UltmtDbtr")
  const remittance = node(tx, "RmtInf")
  const ustrd = list<unknown>(remittance?.Ustrd)
    .map((u) => (u && typeof u === "object" ? (u as Node)["#text"] : u))
    .filter((u) => u !== undefined && u !== null && u !== "")
    .map(String)
  const structured = list(remittance?.Strd)
  const creditorRef = structured
    .flatMap((s) => list(s.CdtrRefInf))
    .map((c) => text(c, "Ref"))
    .find(Boolean)
  const additional = structured.flatMap((s) => list<unknown>(s.AddtlRmtInf)).filter((a) => typeof a === "string" && a) as string[]
  const otherAccount = text(related, "DbtrAcct", "Id", "Othr", "Id")
  const iban = text(related, "DbtrAcct", "Id", "IBAN") ?? (otherAccount && isValidIban(compactIban(otherAccount)) ? otherAccount : null)
  return {
    end_to_end_reference: text(tx, "Refs", "EndToEndId"),
    creditor_reference: creditorRef ?? null,
    remittance_text: ustrd.length ? ustrd.join(" ") : additional.length ? additional.join(" ") : text(tx, "AddtlTxInf"),
    debtor_name: text(debtor, "Nm"),
    debtor_iban: iban ? compactIban(iban) : null,
    debtor_bic: text(tx, "RltdAgts", "DbtrAgt", "FinInstnId", "BIC") ?? text(tx, "RltdAgts", "DbtrAgt", "FinInstnId", "BICFI"),
    ultimate_debtor: text(ultimate, "Nm"),
    mandate_reference: text(tx, "Refs", "MndtId"),
    creditor_id: text(related, "Cdtr", "Id", "PrvtId", "Othr", "Id") ?? text(related, "Cdtr", "Pty", "Id", "PrvtId", "Othr", "Id"),
  }
}

function emptyParties(): ReturnType<typeof parties> {
  return {
    end_to_end_reference: null,
    creditor_reference: null,
    remittance_text: null,
    debtor_name: null,
    debtor_iban: null,
    debtor_bic: null,
    ultimate_debtor: null,
    mandate_reference: null,
    creditor_id: null,
  }
}

/**
 * Opening booked balance + booked entries should give the closing booked balance: when they do not
 * (entries left out by the bank's export filter, an edited file) the entries are read anyway and the
 * difference is reported as a warning. Balances in another currency than the statement's are not used.
 */
function checkBalances(stmt: Node, ntries: Node[], currency: string, place: string, context: Context): void {
  const balances = new Map<string, Decimal>()
  for (const bal of list(stmt.Bal)) {
    const code = text(bal, "Tp", "CdOrPrtry", "Cd")
    if (code && !balances.has(code) && currencyOf(bal.Amt) === currency) {
      const amount = amountOf(bal.Amt, `${place}, Bal ${code}`, currency)
      balances.set(code, signed({ amount: amount.amount, direction: text(bal, "CdtDbtInd") === "DBIT" ? "debit" : "credit" }))
    }
  }
  const opening = balances.get("OPBD") ?? balances.get("PRCD")
  const closing = balances.get("CLBD")
  if (opening === undefined || closing === undefined) {
    return
  }
  let booked = opening
  for (const ntry of ntries) {
    if (statusOf(ntry, context.defaultStatus) === "BOOK") {
      booked = booked.plus(signed({ amount: statementAmount(text(ntry, "Amt") ?? "", place), direction: directionOf(text(ntry, "CdtDbtInd"), place) }))
    }
  }
  if (!booked.eq(closing)) {
    context.warnings.push(
      `${place}, Bal: opening balance and booked entries give ${shownAmount(booked)}, the closing balance is ${shownAmount(closing)}: entries may be missing`
    )
  }
}

/** .02/.04: <Sts>BOOK</Sts>; .08 and later: <Sts><Cd>BOOK</Cd></Sts> (or <Prtry>); none: the message's default. */
function statusOf(ntry: Node, defaultStatus: string): string {
  const status = typeof ntry.Sts === "object" && ntry.Sts ? (text(ntry, "Sts", "Cd") ?? text(ntry, "Sts", "Prtry")) : text(ntry, "Sts")
  return (status ?? defaultStatus).toUpperCase()
}

/** The date of an ISO date-time as the bank wrote it (its own local date, not converted to UTC). */
function dateTimeOf(value: string | null): string | null {
  return value && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null
}

function compactIban(value: string): string {
  return value.replace(/\s+/g, "").toUpperCase()
}

/** xs:boolean: "true" or "1". */
function booleanOf(value: string | null): boolean {
  return value === "true" || value === "1"
}

function currencyOf(value: unknown): string | null {
  const currency = typeof value === "object" && value ? String((value as Node)["@Ccy"] ?? "").toUpperCase() : ""
  return /^[A-Z]{3}$/.test(currency) ? currency : null
}

function signed(e: { amount: string; direction: "credit" | "debit" }): Decimal {
  return e.direction === "debit" ? decimal(e.amount).negated() : decimal(e.amount)
}

function amountOf(value: unknown, place: string, accountCurrency: string | null): { amount: string; currency: string } {
  const raw = typeof value === "object" && value ? (value as Node)["#text"] : value
  const currency = typeof value === "object" && value ? String((value as Node)["@Ccy"] ?? "").toUpperCase() : ""
  if (!/^[A-Z]{3}$/.test(currency)) {
    throw new StatementFileError(place, "the amount has no currency (Ccy)")
  }
  if (accountCurrency && currency !== accountCurrency) {
    throw new StatementFileError(place, `the amount is in ${currency}, the account in ${accountCurrency}`)
  }
  return { amount: statementAmount(String(raw ?? ""), place), currency }
}

function directionOf(indicator: string | null, place: string): "credit" | "debit" {
  if (indicator === "CRDT") return "credit"
  if (indicator === "DBIT") return "debit"
  throw new StatementFileError(place, `"${indicator ?? ""}" is neither CRDT nor DBIT`)
}

function dateOf(dateNode: Node | null): string | null {
  const value = text(dateNode, "Dt") ?? text(dateNode, "DtTm")
  return value && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null
}

function bankTransactionCode(code: Node | null): string | null {
  const proprietary = text(code, "Prtry", "Cd")
  const domain = node(code, "Domn")
  const iso = domain ? [text(domain, "Cd"), text(domain, "Fmly", "Cd"), text(domain, "Fmly", "SubFmlyCd")].filter(Boolean).join("/") : null
  return proprietary ?? (iso || null)
}

function node(from: unknown, ...path: string[]): Node | null {
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

function text(from: unknown, ...path: string[]): string | null {
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

function list<T = Node>(value: unknown): T[] {
  return value === undefined || value === null ? [] : Array.isArray(value) ? value : [value as T]
}
