import { XMLParser, XMLValidator } from "fast-xml-parser"
import { isValidIban } from "../../../lib/bank-transfer/iban"
import { type Decimal } from "../../../lib/money"
import { readEntry, type EntryContext } from "./camt-entry"
import { amountOf, compactIban, currencyOf, dateOf, dateTimeOf, directionOf, list, Node, node, signed, statusOf, text } from "./camt-values"
import { shownAmount, statementAmount } from "./decimal-amount"
import { Statement, StatementEntry, StatementFile, StatementFileError, StatementFormat, statementWarning, type StatementWarning } from "./types"

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
      throw new StatementFileError(`line ${lastLine}`, `the XML ends before ${tags.slice(-3).join(", ")} ${tags.length > 1 ? "are" : "is"} closed: the file is cut off`, "xml_cut_off", { elements: tags.slice(-3).join(", ") })
    }
    throw new StatementFileError(`line ${valid.err.line}, column ${valid.err.col}`, `not well-formed XML (${valid.err.msg})`, "xml_malformed", { detail: valid.err.msg })
  }
  const root = findDocument(parse(xml), 0)
  if (!root) {
    throw new StatementFileError("", "no ISO 20022 <Document> element", "camt_no_document")
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
      `namespace "${namespace}" is not supported; expected camt.053 (statement), camt.054 (notification) or camt.052 (report)`,
      "camt_unsupported_namespace",
      { namespace }
    )
  }
  const format = match[1] as StatementFormat
  const { message: messageTag, tag: statementTag } = MESSAGES[match[2]]
  const message = node(root, messageTag)
  const statements = list(message?.[statementTag])
  if (!message || !statements.length) {
    throw new StatementFileError("Document", `no <${statementTag}> in the ${format} message`, "camt_no_statement", { element: `<${statementTag}>`, format })
  }
  const warnings: StatementWarning[] = []
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
    throw new StatementFileError("", `not well-formed XML (${(error as Error).message})`, "xml_malformed", { detail: (error as Error).message })
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

function readStatement(stmt: Node, place: string, context: EntryContext): Statement {
  const account = node(stmt, "Acct")
  const other = text(account, "Id", "Othr", "Id")
  // some banks put the IBAN into <Othr><Id>
  const iban = text(account, "Id", "IBAN") ?? (other && isValidIban(compactIban(other)) ? other : null)
  if (!iban && !other) {
    throw new StatementFileError(`${place}, Acct`, "the account has neither an IBAN nor another id", "camt_account_without_id")
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

/**
 * Opening booked balance + booked entries should give the closing booked balance: when they do not
 * (entries left out by the bank's export filter, an edited file) the entries are read anyway and the
 * difference is reported as a warning. Balances in another currency than the statement's are not used.
 */
function checkBalances(stmt: Node, ntries: Node[], currency: string, place: string, context: EntryContext): void {
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
      statementWarning(`${place}, Bal`, `opening balance and booked entries give ${shownAmount(booked)}, the closing balance is ${shownAmount(closing)}: entries may be missing`, "balance_mismatch", {
        booked: shownAmount(booked),
        closing: shownAmount(closing),
      })
    )
  }
}
