import { XMLParser, XMLValidator } from "fast-xml-parser"
import { amountUnits, statementAmount, unitsToAmount } from "./decimal-amount"
import { Statement, StatementEntry, StatementFile, StatementFileError, StatementFormat } from "./types"

type Node = Record<string, unknown>

const NAMESPACE = /^urn:iso:std:iso:20022:tech:xsd:(camt\.05[34]\.001\.(?:02|04|08))$/
const REPEATED = new Set(["Stmt", "Ntfctn", "Ntry", "NtryDtls", "TxDtls", "Ustrd", "Strd", "Bal", "CdtrRefInf"])

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: true,
  // every value stays the bank's text: amounts, references with leading zeros, IBANs
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => REPEATED.has(name),
})

/**
 * Reads an ISO 20022 camt.053 (statement) or camt.054 (notification) file of version .001.02, .04 or
 * .08. Batch entries are split into their transactions; nothing is filtered here. Throws
 * StatementFileError naming the place for anything it cannot read with certainty.
 */
export function readCamt(xml: string): StatementFile {
  const valid = XMLValidator.validate(xml)
  if (valid !== true) {
    throw new StatementFileError(`line ${valid.err.line}, column ${valid.err.col}`, `not well-formed XML (${valid.err.msg})`)
  }
  const root = (parser.parse(xml) as Node).Document as Node | undefined
  if (!root || typeof root !== "object") {
    throw new StatementFileError("", "no ISO 20022 <Document> element")
  }
  // the parser drops namespace declarations with the prefixes: read the Document's own from the text
  const namespace = /<(?:[\w.-]+:)?Document\b[^>]*?\sxmlns(?::[\w.-]+)?=["']([^"']*)["']/.exec(xml)?.[1] ?? ""
  const format = NAMESPACE.exec(namespace)?.[1] as StatementFormat | undefined
  if (!format) {
    throw new StatementFileError(
      "Document",
      `namespace "${namespace}" is not supported; expected camt.053 or camt.054, version .001.02, .04 or .08`
    )
  }
  const isStatement = format.startsWith("camt.053")
  const message = node(root, isStatement ? "BkToCstmrStmt" : "BkToCstmrDbtCdtNtfctn")
  const tag = isStatement ? "Stmt" : "Ntfctn"
  const statements = list(message?.[tag])
  if (!message || !statements.length) {
    throw new StatementFileError("Document", `no <${tag}> in the ${format} message`)
  }
  return { format, statements: statements.map((s, i) => readStatement(s, `${tag} ${i + 1}`)) }
}

function readStatement(stmt: Node, place: string): Statement {
  const account = node(stmt, "Acct")
  const iban = text(account, "Id", "IBAN")
  const other = text(account, "Id", "Othr", "Id")
  if (!iban && !other) {
    throw new StatementFileError(`${place}, Acct`, "the account has neither an IBAN nor another id")
  }
  const entries: StatementEntry[] = []
  const currency = text(account, "Ccy")?.toUpperCase() ?? null
  const ntries = list(stmt.Ntry)
  ntries.forEach((ntry, i) => entries.push(...readEntry(ntry, `${place}, Ntry ${i + 1}`, currency)))
  const statementCurrency = currency ?? entries[0]?.currency ?? "EUR"
  checkBalances(stmt, ntries, statementCurrency, place)
  return {
    iban: iban ? iban.replace(/\s+/g, "").toUpperCase() : null,
    account_label: iban ?? other!,
    currency: statementCurrency,
    statement_id: text(stmt, "Id"),
    entries,
    place,
  }
}

function readEntry(ntry: Node, place: string, accountCurrency: string | null): StatementEntry[] {
  const entryAmount = amountOf(ntry.Amt, `${place}, Amt`, accountCurrency)
  const direction = directionOf(text(ntry, "CdtDbtInd"), `${place}, CdtDbtInd`)
  // .02/.04: <Sts>BOOK</Sts>; .08: <Sts><Cd>BOOK</Cd></Sts>
  const status = (typeof ntry.Sts === "object" ? text(ntry, "Sts", "Cd") : text(ntry, "Sts")) ?? ""
  const reversal = text(ntry, "RvslInd") === "true"
  const bookingDate = dateOf(node(ntry, "BookgDt"))
  if (!bookingDate && status === "BOOK") {
    throw new StatementFileError(`${place}, BookgDt`, "a booked entry has no booking date")
  }
  const shared = {
    status,
    reversal,
    booking_date: bookingDate ?? dateOf(node(ntry, "ValDt")) ?? "",
    value_date: dateOf(node(ntry, "ValDt")),
    bank_reference: text(ntry, "AcctSvcrRef") ?? text(ntry, "NtryRef"),
    transaction_code: bankTransactionCode(node(ntry, "BkTxCd")),
  }
  const details = list(ntry.NtryDtls).flatMap((d) => list(d.TxDtls))
  if (!details.length) {
    return [{ ...emptyParties(), ...shared, ...entryAmount, direction, remittance_text: text(ntry, "AddtlNtryInf"), place }]
  }
  const entries = details.map((tx, i) => {
    const txPlace = details.length > 1 ? `${place}, TxDtls ${i + 1}` : place
    // .04/.08 carry the transaction's amount in <Amt>, .02 in <AmtDtls><TxAmt>; a single transaction may carry none
    const txAmountNode = tx.Amt ?? node(tx, "AmtDtls", "TxAmt")?.Amt
    if (!txAmountNode && details.length > 1) {
      throw new StatementFileError(txPlace, "a transaction of a batch entry has no amount")
    }
    const amount = txAmountNode ? amountOf(txAmountNode, `${txPlace}, Amt`, accountCurrency) : entryAmount
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
  if (details.length > 1) {
    const sum = entries.reduce((total, e) => total + signed(e), 0n)
    if (sum !== signed({ ...entryAmount, direction })) {
      throw new StatementFileError(place, `the batch's transactions add up to ${unitsToAmount(sum)}, the entry says ${entryAmount.amount}`)
    }
  }
  return entries
}

function parties(tx: Node): Omit<StatementEntry, "amount" | "currency" | "direction" | "status" | "reversal" | "booking_date" | "value_date" | "bank_reference" | "transaction_code" | "place"> {
  const related = node(tx, "RltdPties")
  // .08 wraps the party: <Dbtr><Pty><Nm>; .02/.04: <Dbtr><Nm>
  const debtor = node(related, "Dbtr", "Pty") ?? node(related, "Dbtr")
  const ultimate = node(related, "UltmtDbtr", "Pty") ?? node(related, "UltmtDbtr")
  const remittance = node(tx, "RmtInf")
  const ustrd = list<string>(remittance?.Ustrd as never).map(String)
  const creditorRef = list(remittance?.Strd)
    .flatMap((s) => list(s.CdtrRefInf))
    .map((c) => text(c, "Ref"))
    .find(Boolean)
  const iban = text(related, "DbtrAcct", "Id", "IBAN")
  return {
    end_to_end_reference: text(tx, "Refs", "EndToEndId"),
    creditor_reference: creditorRef ?? null,
    remittance_text: ustrd.length ? ustrd.join(" ") : text(tx, "AddtlTxInf"),
    debtor_name: text(debtor, "Nm"),
    debtor_iban: iban ? iban.replace(/\s+/g, "").toUpperCase() : null,
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

/** Opening booked balance + booked entries must give the closing booked balance: a cut-off file does not. */
function checkBalances(stmt: Node, ntries: Node[], currency: string, place: string): void {
  const balances = new Map<string, bigint>()
  for (const bal of list(stmt.Bal)) {
    const code = text(bal, "Tp", "CdOrPrtry", "Cd")
    if (code && !balances.has(code)) {
      const amount = amountOf(bal.Amt, `${place}, Bal ${code}`, currency)
      balances.set(code, text(bal, "CdtDbtInd") === "DBIT" ? -amountUnits(amount.amount) : amountUnits(amount.amount))
    }
  }
  const opening = balances.get("OPBD") ?? balances.get("PRCD")
  const closing = balances.get("CLBD")
  if (opening === undefined || closing === undefined) {
    return
  }
  let booked = opening
  for (const ntry of ntries) {
    const status = typeof ntry.Sts === "object" ? text(ntry, "Sts", "Cd") : text(ntry, "Sts")
    if (status === "BOOK") {
      booked += signed({ amount: statementAmount(text(ntry, "Amt") ?? "", place), direction: directionOf(text(ntry, "CdtDbtInd"), place) })
    }
  }
  if (booked !== closing) {
    throw new StatementFileError(
      `${place}, Bal`,
      `opening balance and booked entries give ${unitsToAmount(booked)}, the closing balance is ${unitsToAmount(closing)}: the file is incomplete`
    )
  }
}

function signed(e: { amount: string; direction: "credit" | "debit" }): bigint {
  return e.direction === "debit" ? -amountUnits(e.amount) : amountUnits(e.amount)
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
