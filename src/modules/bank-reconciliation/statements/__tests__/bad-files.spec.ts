import { readStatementFile } from "../read-statement-file"
import { StatementFileError } from "../types"
import { statementFixtureBytes } from "./statement-file"

const text = (name: string) => statementFixtureBytes(name).toString("utf8")
const read = (content: string) => readStatementFile(Buffer.from(content, "utf8"))
const errorOf = (content: string | Buffer): StatementFileError => {
  try {
    readStatementFile(Buffer.isBuffer(content) ? content : Buffer.from(content, "utf8"))
  } catch (error) {
    expect(error).toBeInstanceOf(StatementFileError)
    return error as StatementFileError
  }
  throw new Error("the file was read")
}

describe("statement files that cannot be read", () => {
  it("refuses a file that is neither XML nor MT940", () => {
    expect(errorOf("Buchungstag;Valuta;Betrag\n20.11.2026;20.11.2026;49,90\n").message).toBe("line 1: neither CAMT (XML) nor MT940")
    expect(errorOf(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31])).message).toBe("line 1: neither CAMT (XML) nor MT940")
    // the code the admin translates
    expect(errorOf("Buchungstag;Betrag\n")).toMatchObject({ code: "unknown_format", place: "line 1", params: {} })
  })

  it("refuses an XML file of another namespace", () => {
    const pain = text("camt053-v02-sparkasse.xml").replace("camt.053.001.02", "pain.001.001.03")
    expect(errorOf(pain).message).toBe(
      'Document: namespace "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03" is not supported; expected camt.053 (statement), camt.054 (notification) or camt.052 (report)'
    )
    expect(errorOf(text("camt053-v02-sparkasse.xml").replace("camt.053.001.02", "camt.056.001.01")).reason).toMatch(/namespace .*camt\.056\.001\.01.* is not supported/)
  })

  it("refuses a truncated CAMT file with the line where it breaks off", () => {
    const full = text("camt053-v04-deutsche-bank.xml")
    // cut off between elements: the place is the file's last line, the open elements are named
    const cut = full.slice(0, full.indexOf("<NtryRef>3</NtryRef>"))
    expect(errorOf(cut).message).toBe(`line ${cut.trimEnd().split("\n").length}: the XML ends before <BkToCstmrStmt>, <Stmt>, <Ntry> are closed: the file is cut off`)
    expect(errorOf(cut)).toMatchObject({ code: "xml_cut_off", params: { elements: "<BkToCstmrStmt>, <Stmt>, <Ntry>" } })
    // cut off inside a tag
    const insideTag = full.slice(0, full.indexOf("<NtryRef>3</NtryRef>") + 14)
    expect(errorOf(insideTag).message).toMatch(/^line \d+, column \d+: not well-formed XML/)
  })

  it("refuses XML its validator passes but its parser does not (an unclosed processing instruction after the root)", () => {
    const error = errorOf(text("camt053-v04-deutsche-bank.xml") + "\n<?x")
    expect(error.message).toBe("not well-formed XML (Pi Tag is not closed.)")
  })

  it("reads a CAMT file whose balances do not add up (entries missing), with a warning naming the statement", () => {
    const full = text("camt053-v02-sparkasse.xml")
    const withoutFee = full.replace(/<Ntry>\s*<Amt Ccy="EUR">25\.00<\/Amt>[\s\S]*?<\/Ntry>/, "")
    const file = read(withoutFee)
    expect(file.warnings.map((w) => w.message)).toEqual(["Stmt 1, Bal: opening balance and booked entries give 1362.24, the closing balance is 1337.24: entries may be missing"])
    expect(file.warnings[0]).toMatchObject({ code: "balance_mismatch", place: "Stmt 1, Bal", params: { booked: "1362.24", closing: "1337.24" } })
    expect(file.statements[0].entries.length).toBe(read(full).statements[0].entries.length - 1)
    expect(read(full).warnings.map((w) => w.message)).toEqual([])
  })

  it("refuses an entry amount in another currency than the account's, naming the entry", () => {
    const usd = text("camt053-v02-sparkasse.xml").replace('<Amt Ccy="EUR">300.00</Amt>', '<Amt Ccy="USD">300.00</Amt>')
    expect(errorOf(usd).message).toBe("Stmt 1, Ntry 2, Amt: the amount is in USD, the account in EUR")
    expect(errorOf(usd)).toMatchObject({ code: "amount_currency_mismatch", place: "Stmt 1, Ntry 2, Amt", params: { currency: "USD", account_currency: "EUR" } })
  })

  it("reads a batch it cannot split (a transaction without an amount in the entry's currency, or not adding up) as one payment of the entry's amount, with a warning", () => {
    const usd = read(text("camt053-v02-sparkasse.xml").replace('<Amt Ccy="EUR">150.00</Amt>', '<Amt Ccy="USD">150.00</Amt>'))
    expect(usd.warnings.map((w) => w.message)).toEqual([
      "Stmt 1, Ntry 2, TxDtls 2: a transaction of the batch has no amount in EUR; the entry is read as one payment of 300.00",
    ])
    const wrong = read(text("camt053-v02-sparkasse.xml").replace('<TxAmt><Amt Ccy="EUR">50.00</Amt>', '<TxAmt><Amt Ccy="EUR">5.00</Amt>'))
    expect(wrong.warnings.map((w) => w.message)).toEqual(["Stmt 1, Ntry 2: the batch's transactions add up to 255.00, the entry says 300.00; the entry is read as one payment"])
    for (const file of [usd, wrong]) {
      const batch = file.statements[0].entries.filter((e) => e.place.startsWith("Stmt 1, Ntry 2"))
      expect(batch).toEqual([expect.objectContaining({ amount: "300.00", direction: "credit", place: "Stmt 1, Ntry 2", debtor_name: null })])
    }
  })

  it("refuses an amount that is no decimal", () => {
    const wrong = text("camt053-v08-commerzbank.xml").replace(/<Amt Ccy="EUR">1234\.56<\/Amt>(\s*<CdtDbtInd>CRDT<\/CdtDbtInd>\s*<RvslInd>)/, '<Amt Ccy="EUR">1,234.56</Amt>$1')
    expect(errorOf(wrong).message).toBe('Stmt 1, Ntry 1, Amt: "1,234.56" is not an amount')
  })

  it("refuses a truncated MT940 file: no closing balance", () => {
    const full = text("mt940-sparkasse.sta")
    expect(errorOf(full.slice(0, full.indexOf(":61:2611201120RD"))).message).toBe(
      "statement 1 (line 1): no :62F: closing balance field: the file is incomplete"
    )
  })

  it("reads an MT940 statement whose entries do not give its closing balance, with a warning", () => {
    const wrong = read(text("mt940-deutsche-bank.sta").replace(":61:2611231123C119,00", ":61:2611231123C109,00"))
    expect(wrong.warnings.map((w) => w.message)).toEqual([
      "statement 1 (line 2): opening balance and entries give -141.00, the closing balance is -131.00: entries may be missing",
    ])
    expect(wrong.statements[0].entries.find((e) => e.direction === "credit")?.amount).toBe("109.00")
  })

  it("refuses a broken MT940 statement line, naming its line", () => {
    const wrong = text("mt940-commerzbank.sta").replace(":61:2612311231C20,00NMSCNONREF", ":61:2612311231X20,00NMSCNONREF")
    expect(errorOf(wrong).message).toBe('line 9: ":61:2612311231X20,00NMSCNONREF" is not a statement line')
    const badDate = text("mt940-commerzbank.sta").replace(":61:2612311231C20,00", ":61:2613311231C20,00")
    expect(errorOf(badDate).message).toBe('line 9: "261331" is not a date')
  })
})
