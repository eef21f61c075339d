import { incomingOf as incoming, readText as read } from "./statement-file"

/**
 * CAMT layouts seen in banks' real exports that the reader once refused or misread (MT940 layouts:
 * mt940-layouts.spec.ts). Every file here is written for this test (names, IBANs and amounts are made
 * up; IBANs have right check digits).
 */

const camt = (options: { namespace?: string; documentTag?: string; wrap?: (doc: string) => string; declaration?: string; body: string }) => {
  const namespace = options.namespace ?? "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"
  const document =
    options.documentTag ??
    `<Document xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${namespace} camt.053.001.02.xsd" xmlns="${namespace}">`
  const doc = `${document}${options.body}</Document>`
  return `${options.declaration ?? '<?xml version="1.0" encoding="UTF-8"?>'}\n${options.wrap ? options.wrap(doc) : doc}\n`
}
const bal = (code: string, amount: string, ccy = "EUR") =>
  `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="${ccy}">${amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-30</Dt></Dt></Bal>`
const tx = (inner: string) => `<TxDtls>${inner}</TxDtls>`
const parties = (name: string, iban: string) => `<RltdPties><Dbtr><Nm>${name}</Nm></Dbtr><DbtrAcct><Id><IBAN>${iban}</IBAN></Id></DbtrAcct></RltdPties>`
const ntry = (amount: string, details: string, extra = "<BookgDt><Dt>2026-11-30</Dt></BookgDt>") =>
  `<Ntry><Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>${extra}<ValDt><Dt>2026-12-01</Dt></ValDt><NtryDtls>${details}</NtryDtls></Ntry>`
const statement = (entries: string, balances = "", message = "BkToCstmrStmt", tag = "Stmt") =>
  `<${message}><GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-11-30T20:00:00</CreDtTm></GrpHdr><${tag}><Id>S1</Id><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>${balances}${entries}</${tag}></${message}>`
const oneCredit = statement(ntry("25.00", tx(`<Refs><EndToEndId>ORDER-3001</EndToEndId></Refs>${parties("Anna Beispiel", "DE02120300000000202051")}<RmtInf><Ustrd>Bestellung 3001</Ustrd></RmtInf>`)))

describe("CAMT layouts of real banks", () => {
  it("finds the camt namespace when xmlns:xsi is declared before it (the common order)", () => {
    const file = read(camt({ body: oneCredit }))
    expect(file.format).toBe("camt.053.001.02")
    expect(incoming(file).credits.map((c) => [c.amount, c.debtor_name, c.debtor_iban, c.end_to_end_reference, c.remittance_text])).toEqual([
      ["25.00", "Anna Beispiel", "DE02120300000000202051", "ORDER-3001", "Bestellung 3001"],
    ])
  })

  it("reads every camt.053 version and camt.052 account reports, a namespace prefix and single quotes", () => {
    for (const version of ["01", "03", "05", "06", "07", "09", "10", "11", "12", "13"]) {
      const file = read(camt({ namespace: `urn:iso:std:iso:20022:tech:xsd:camt.053.001.${version}`, body: oneCredit }))
      expect([file.format, incoming(file).credits.length]).toEqual([`camt.053.001.${version}`, 1])
    }
    const report = read(camt({ namespace: "urn:iso:std:iso:20022:tech:xsd:camt.052.001.08", body: statement(ntry("25.00", tx(parties("Anna Beispiel", "DE02120300000000202051"))), "", "BkToCstmrAcctRpt", "Rpt") }))
    expect([report.format, report.statements[0].place, incoming(report).credits.length]).toEqual(["camt.052.001.08", "Rpt 1", 1])
    const prefixed = camt({ documentTag: "<ns2:Document xmlns:ns2='urn:iso:std:iso:20022:tech:xsd:camt.053.001.02'>", body: oneCredit.replace(/<(\/?)(\w)/g, "<$1ns2:$2") }).replace(
      "</Document>",
      "</ns2:Document>"
    )
    expect(incoming(read(prefixed)).credits.map((c) => c.debtor_name)).toEqual(["Anna Beispiel"])
  })

  it("finds the Document inside a business message envelope", () => {
    const file = read(
      camt({
        wrap: (doc) =>
          `<Envelope xmlns="urn:swift:xsd:envelope"><AppHdr xmlns="urn:iso:std:iso:20022:tech:xsd:head.001.001.02"><MsgDefIdr>camt.053.001.08</MsgDefIdr></AppHdr>${doc}</Envelope>`,
        namespace: "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08",
        body: oneCredit,
      })
    )
    expect([file.format, incoming(file).credits.length]).toEqual(["camt.053.001.08", 1])
  })

  it("decodes the encoding the XML declaration names (Windows-1252 €, ISO-8859-15) and UTF-16 with a byte order mark", () => {
    const body = oneCredit.replace("Anna Beispiel", "Jörg Weiß €")
    const cp1252 = Buffer.from(camt({ declaration: '<?xml version="1.0" encoding="windows-1252"?>', body }).replace("€", "\u0080"), "latin1")
    const latin9 = Buffer.from(camt({ declaration: '<?xml version="1.0" encoding="ISO-8859-15"?>', body }).replace("€", "\u00a4"), "latin1")
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(camt({ declaration: '<?xml version="1.0" encoding="UTF-16"?>', body }), "utf16le")])
    for (const bytes of [cp1252, latin9, utf16]) {
      expect(incoming(read(bytes)).credits[0].debtor_name).toBe("Jörg Weiß €")
    }
    expect(() => read(Buffer.from(camt({ declaration: '<?xml version="1.0" encoding="x-unknown-42"?>', body }), "latin1"))).toThrow(
      'line 1: the encoding "x-unknown-42" the file declares is not supported'
    )
  })

  it("decodes character references (ASCII-only XML) and reads a file that says UTF-8 but is Windows-1252, with a warning", () => {
    const references = read(camt({ body: oneCredit.replace("Anna Beispiel", "J&#246;rg Wei&#xDF; &amp; S&#246;hne") }))
    expect(incoming(references).credits[0].debtor_name).toBe("Jörg Weiß & Söhne")
    const mislabelled = Buffer.from(camt({ body: oneCredit.replace("Anna Beispiel", "Jörg Weiß") }), "latin1")
    const file = read(mislabelled)
    expect(file.warnings.map((w) => w.message)).toEqual(["the file is not UTF-8 as its XML declaration says; read as Windows-1252"])
    expect(incoming(file).credits[0].debtor_name).toBe("Jörg Weiß")
  })

  it("leaves balances in other currencies aside and reads a statement whose balances do not add up, with a warning", () => {
    const file = read(camt({ body: statement(ntry("25.00", tx(parties("Anna Beispiel", "DE02120300000000202051"))), bal("OPBD", "10.00") + bal("CLBD", "99.00", "SEK") + bal("CLBD", "40.00")) }))
    expect(file.warnings.map((w) => w.message)).toEqual(["Stmt 1, Bal: opening balance and booked entries give 35.00, the closing balance is 40.00: entries may be missing"])
    expect(incoming(file).credits.map((c) => c.amount)).toEqual(["25.00"])
  })

  it("takes a single transaction's booked amount from the entry when its own amount is the instructed one in another currency", () => {
    const file = read(camt({ body: statement(ntry("91.40", tx(`<Amt Ccy="USD">100.00</Amt><AmtDtls><InstdAmt><Amt Ccy="USD">100.00</Amt></InstdAmt></AmtDtls>${parties("Acme Inc", "DE02120300000000202051")}`))) }))
    expect(incoming(file).credits.map((c) => [c.amount, c.currency, c.debtor_name])).toEqual([["91.40", "EUR", "Acme Inc"]])
    // the entry's booking text is no remittance text of its transaction (the purpose feeds the fingerprint finAPI computes too)
    const bookingText = read(camt({ body: statement(ntry("5.00", tx(parties("Anna Beispiel", "DE02120300000000202051"))).replace("</NtryDtls>", "</NtryDtls><AddtlNtryInf>GUTSCHR. UEBERWEISUNG</AddtlNtryInf>")) }))
    expect(incoming(bookingText).credits.map((c) => c.remittance_text)).toEqual([null])
  })

  it("splits a batch by the amounts in the entry's currency (counter values of foreign transactions)", () => {
    const foreign = (usd: string, eur: string, name: string) =>
      tx(`<Amt Ccy="USD">${usd}</Amt><AmtDtls><CntrValAmt><Amt Ccy="EUR">${eur}</Amt></CntrValAmt></AmtDtls>${parties(name, "DE02120300000000202051")}`)
    const file = read(camt({ body: statement(ntry("30.00", foreign("11.00", "10.00", "A") + foreign("22.00", "20.00", "B"))) }))
    expect(file.warnings.map((w) => w.message)).toEqual([])
    expect(incoming(file).credits.map((c) => [c.amount, c.debtor_name])).toEqual([
      ["10.00", "A"],
      ["20.00", "B"],
    ])
  })

  it("reads a batch without transaction amounts as one payment of the entry, with a warning", () => {
    const file = read(camt({ body: statement(ntry("30.00", tx(parties("A", "DE02120300000000202051")) + tx(parties("B", "DE02120300000000202051")))) }))
    expect(file.warnings.map((w) => w.message)).toEqual(["Stmt 1, Ntry 1, TxDtls 1: a transaction of the batch has no amount in EUR; the entry is read as one payment of 30.00"])
    expect(incoming(file).credits.map((c) => [c.amount, c.debtor_name, c.place])).toEqual([["30.00", null, "Stmt 1, Ntry 1"]])
  })

  it("reads a statement without <Sts>, booking and value dates (booked on the statement's date) and with the IBAN in <Othr><Id>", () => {
    const body = `<BkToCstmrStmt><GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-11-30T19:47:17.828+02:00</CreDtTm></GrpHdr><Stmt><Id>S1</Id><Acct><Id><Othr><Id>DE89370400440532013000</Id></Othr></Id><Ccy>EUR</Ccy></Acct>${bal("OPBD", "1.00")}${bal("CLBD", "26.00")}<Ntry><Amt Ccy="EUR">25.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><AcctSvcrRef>REF-1</AcctSvcrRef><NtryDtls><TxDtls><Amt Ccy="EUR">25.00</Amt><RltdPties><DbtrAcct><Id><Othr><Id>DE02120300000000202051</Id></Othr></Id></DbtrAcct></RltdPties></TxDtls></NtryDtls></Ntry></Stmt></BkToCstmrStmt>`
    const file = read(camt({ namespace: "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08", body }))
    expect(file.warnings.map((w) => w.message)).toEqual([])
    expect(file.statements[0].iban).toBe("DE89370400440532013000")
    expect(incoming(file).credits.map((c) => [c.amount, c.status, c.booking_date, c.debtor_iban, c.bank_reference])).toEqual([["25.00", "BOOK", "2026-11-30", "DE02120300000000202051", "REF-1"]])
    // a report (camt.052) also holds pending entries: one without <Sts> is not taken as booked
    const report = read(camt({ namespace: "urn:iso:std:iso:20022:tech:xsd:camt.052.001.08", body: body.replace(/BkToCstmrStmt/g, "BkToCstmrAcctRpt").replace(/Stmt>/g, "Rpt>") }))
    expect(incoming(report).leftOut).toEqual({ not_booked: 1 })
  })

  it("books an entry without a booking date on its value date; reads RvslInd 1 as a reversal; takes AddtlRmtInf when there is no Ustrd", () => {
    const noBookingDate = read(camt({ body: statement(ntry("5.00", tx("<RmtInf><Strd><AddtlRmtInf>Bestellung 3002</AddtlRmtInf></Strd></RmtInf>"), "")) }))
    expect(incoming(noBookingDate).credits.map((c) => [c.booking_date, c.value_date, c.remittance_text])).toEqual([["2026-12-01", "2026-12-01", "Bestellung 3002"]])
    const reversal = read(camt({ body: statement(ntry("5.00", tx(""), "<RvslInd>1</RvslInd><BookgDt><Dt>2026-11-30</Dt></BookgDt>")) }))
    expect(incoming(reversal).leftOut).toEqual({ reversal: 1 })
  })
})
