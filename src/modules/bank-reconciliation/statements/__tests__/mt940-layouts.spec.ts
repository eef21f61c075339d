import { readMt940Details } from "../mt940-purpose"
import { incomingOf as incoming, readText as read } from "./statement-file"

/**
 * MT940 layouts seen in banks' real exports that the reader once refused or misread (CAMT layouts:
 * camt-layouts.spec.ts). Every file here is written for this test (names, IBANs and amounts are made
 * up; IBANs have right check digits).
 */

const lines = (...l: string[]) => l.join("\r\n") + "\r\n"
/** A :86: value in full lines of 65 characters, as a bank cuts it. */
const wrap86 = (value: string) => [`:86:${value.slice(0, 65)}`, ...(value.slice(65).match(/.{1,65}/g) ?? [])]

// DE89370400440532013000 and DE02120300000000202051 are the usual documentation IBANs
const CREDIT_86 = ":86:166?00GUTSCHR. UEBERWEISUNG?109310?20EREF+ORDER-2001?21SVWZ+Bestellung 2001?30COBADEFFXXX?31DE02120300000000202051?32Anna Beispiel"

describe("MT940 layouts of real banks", () => {
  it('reads balances and amounts that end with the decimal comma ("EUR0,", "12,")', () => {
    const file = read(lines(":20:STARTUMS", ":25:37040044/0532013000", ":28C:1/1", ":60F:C261130EUR0,", ":61:2611301130C12,N166NONREF", CREDIT_86, ":62F:C261130EUR12,", "-"))
    expect(file.warnings.map((w) => w.message)).toEqual([])
    expect(incoming(file).credits.map((c) => [c.amount, c.debtor_name, c.debtor_iban, c.end_to_end_reference, c.remittance_text])).toEqual([
      ["12.00", "Anna Beispiel", "DE02120300000000202051", "ORDER-2001", "Bestellung 2001"],
    ])
    expect(file.statements[0].iban).toBe("DE89370400440532013000")
  })

  it("reads a statement line with a space after the amount and a two-letter type code padded with a space", () => {
    const file = read(
      lines(
        ":20:DEUTDEFF",
        ":25:DE89370400440532013000",
        ":28C:00001/1",
        ":60F:C261130EUR100,00",
        ":61:2611301130C50,00 NTRFNONREF//2611300001",
        CREDIT_86,
        ":61:261130C7,50NGT NONREF",
        ":86:Bestellung 2002 danke",
        ":62F:C261130EUR157,50",
        "-"
      )
    )
    expect(incoming(file).credits.map((c) => [c.amount, c.transaction_code, c.bank_reference, c.remittance_text])).toEqual([
      ["50.00", "166", "2611300001", "Bestellung 2001"],
      ["7.50", "NGT ", null, "Bestellung 2002 danke"],
    ])
  })

  it("skips a bank's header lines before and between statements and SWIFT trailers joined to the next header", () => {
    const statement = (id: string, open: string, amount: string, close: string) => [
      `:20:${id}`,
      ":25:DE89370400440532013000",
      ":28C:1",
      `:60F:C261130EUR${open}`,
      `:61:2611301130C${amount}NTRFNONREF`,
      CREDIT_86,
      `:62F:C261130EUR${close}`,
    ]
    const file = read(
      lines(
        "BANKDEFF",
        "940",
        ":940:",
        ...statement("A", "0,00", "1,00", "1,00"),
        "-XXX",
        "BANKDEFF",
        "940",
        ...statement("B", "1,00", "2,00", "3,00"),
        "-}{5:{CHK:000000000000}}{1:F01BANKDEFFXXXX0000000000}{2:I940BANKDEFFXXXXN}{4:",
        ...statement("C", "3,00", "4,00", "7,00"),
        "-}"
      )
    )
    expect(file.warnings.map((w) => w.message)).toEqual([])
    expect(file.statements.map((s) => s.statement_id)).toEqual(["1", "1", "1"])
    expect(incoming(file).credits.map((c) => c.amount)).toEqual(["1.00", "2.00", "4.00"])
  })

  it("keeps a :86: continuation line that starts with a dash, or with a colon that is no field", () => {
    const file = read(
      lines(
        ":20:STARTUMS",
        ":25:DE89370400440532013000",
        ":60F:C261130EUR0,00",
        ":61:2611301130C10,00N166NONREF",
        // a full first line (65 after ":86:") continued by a line starting with "-", then one starting with ":KD:"
        ":86:166?00GUTSCHRIFT?1093100000?20SVWZ+Kunde 4711 Vertrag 15?21Vertr",
        "-Nr. 99?22Bestellung 2003 und Lieferung nach Koeln-Ehrenfeld am",
        ":KD:NR:12 ?32Anna Beispiel",
        ":62F:C261130EUR10,00",
        "-"
      )
    )
    expect(incoming(file).credits[0].remittance_text).toBe("Kunde 4711 Vertrag 15 Vertr-Nr. 99 Bestellung 2003 und Lieferung nach Koeln-Ehrenfeld am :KD:NR:12")
  })

  it("reads a statement whose entries do not give its closing balance, and says so", () => {
    const file = read(lines(":20:X", ":25:DE89370400440532013000", ":60F:C261130EUR0,00", ":61:2611301130C10,00N166NONREF", CREDIT_86, ":62F:C261130EUR12,00", "-"))
    expect(file.warnings.map((w) => w.message)).toEqual(["statement 1 (line 1): opening balance and entries give 10.00, the closing balance is 12.00: entries may be missing"])
    expect(incoming(file).credits.map((c) => c.amount)).toEqual(["10.00"])
  })

  it("finds the IBAN in :25: written as BIC/IBAN or followed by the currency", () => {
    const withAccount = (account: string) =>
      read(lines(":20:X", `:25:${account}`, ":60F:C261130EUR0,00", ":62F:C261130EUR0,00", "-")).statements[0].iban
    expect(withAccount("COBADEFFXXX/DE89370400440532013000")).toBe("DE89370400440532013000")
    expect(withAccount("DE89370400440532013000EUR")).toBe("DE89370400440532013000")
    expect(withAccount("DE89 3704 0044 0532 0130 00")).toBe("DE89370400440532013000")
    expect(withAccount("37040044/532013000EUR")).toBe("DE89370400440532013000")
  })

  it("takes PURP+ as a keyword, not as remittance text", () => {
    const file = read(
      lines(
        ":20:X",
        ":25:DE89370400440532013000",
        ":60F:C261130EUR0,00",
        ":61:261130C50,00NSTO",
        ":86:152?00DAUERAUFTRAG?10931?20PURP+RINP Dauerauftrag/Rate",
        "?21SVWZ+Miete Dezember?32Anna Beispiel",
        ":62F:C261130EUR50,00",
        "-"
      )
    )
    expect(incoming(file).credits[0]).toMatchObject({ amount: "50.00", remittance_text: "Miete Dezember", debtor_name: "Anna Beispiel", booking_date: "2026-11-30" })
  })

  it("joins a structured :86: line a bank wrapped at a word with a space, a full 65-character line and a subfield on its own line without", () => {
    const file = read(
      lines(
        ":20:X",
        ":25:DE89370400440532013000",
        ":60F:C261130EUR0,00",
        ":61:2611301130C10,00NTRFNONREF",
        // 65 characters after ":86:", then the rest of the subfields, wrapped before "und"
        ...wrap86("166?00GUTSCHRIFT?100399?20EREF+ORDER-2007?21SVWZ+Bestellung 2007 vom 30.11.?30COBADEFFXXX?31DE02120300000000202051?32Anna-Lena Beispiel-Sonnensc?33hein"),
        "und Partner",
        "?34997",
        ":62F:C261130EUR10,00",
        "-"
      )
    )
    expect(incoming(file).credits.map((c) => [c.remittance_text, c.debtor_name, c.debtor_iban])).toEqual([
      ["Bestellung 2007 vom 30.11.", "Anna-Lena Beispiel-Sonnenschein und Partner", "DE02120300000000202051"],
    ])
  })

  it("dates interest on February 30th as the month's last day, reads a GVC after a space, joins a full ?32 of 27 characters to ?33 without a space", () => {
    const file = read(
      lines(
        ":20:STARTUMSE",
        ":25:DE89370400440532013000",
        ":60F:C280229EUR0,00",
        ":61:2802300301CR6,00N166NONREF",
        ":86: 166?00GUTSCHRIFT?20SVWZ+Zinsen?32Daniel Beispiel und Partner?33in",
        ":62F:C280301EUR6,00",
        "-"
      )
    )
    expect(incoming(file).credits.map((c) => [c.value_date, c.booking_date, c.transaction_code, c.remittance_text, c.debtor_name])).toEqual([
      ["2028-02-29", "2028-03-01", "166", "Zinsen", "Daniel Beispiel und Partnerin"],
    ])
    expect(read(lines(":20:X", ":25:DE89370400440532013000", ":60F:C270230EUR0,00", ":62F:C271131EUR0,00", "-")).statements).toHaveLength(1)
    expect(() => read(lines(":20:X", ":25:DE89370400440532013000", ":60F:C271332EUR0,00", ":62F:C271130EUR0,00", "-"))).toThrow('line 3: "271332" is not a date')
  })

  it("reads HBCI's :NS: fields, a balance without its currency, and a :86: line that starts like a field (':12:11' of a time)", () => {
    const file = read(
      lines(
        ":20:STARTUMS",
        ":25:37040044/0532013000",
        ":28:1/1",
        ":NS:22Beispiel GmbH",
        "23Geschaeftskonto",
        ":60F:C261130EUR100,00",
        ":61:2611301130CR50,00NTRFNONREF",
        ":NS:01Verwendungszweck",
        ":86:166?00GUTSCHRIFT?20SVWZ+Bestellung 2008 um 2026-11-30T13",
        ":12:11?32Anna Beispiel",
        ":62M:C261130150,00",
        "-"
      )
    )
    expect(file.statements[0].currency).toBe("EUR")
    expect(incoming(file).credits.map((c) => [c.amount, c.currency, c.remittance_text, c.debtor_name, c.bank_reference])).toEqual([
      ["50.00", "EUR", "Bestellung 2008 um 2026-11-30T13:12:11", "Anna Beispiel", null],
    ])
  })

  it("reads a whole amount without its comma and joins free-text :86: lines at word ends", () => {
    const file = read(
      lines(
        "{1:F01BANKNL2AXXXX0000000000}{2:I940BANKNL2AXXXXN}{4:",
        ":20:B1",
        ":25:123456789",
        ":60F:C261130EUR0,",
        ":61:2611301130C500NTRF30-11-2026 10:05//B4G29",
        ":86:BESTELLING 2005",
        "BEDANKT VOOR DE LEVERING",
        ":61:2611301130C1,NTRFNONREF",
        ":86:/EREF/ORDER-2006//CNTP/NL91ABNA0417164300/ABNANL2A/J. JANSEN/AMSTER",
        "DAM//REMI/USTD//BESTELLING 2006/",
        ":62F:C261130EUR501,",
        "-}"
      )
    )
    expect(incoming(file).credits.map((c) => [c.amount, c.remittance_text, c.debtor_name, c.debtor_iban, c.debtor_bic, c.end_to_end_reference])).toEqual([
      ["500.00", "BESTELLING 2005 BEDANKT VOOR DE LEVERING", null, null, null, null],
      ["1.00", "BESTELLING 2006", "J. JANSEN", "NL91ABNA0417164300", "ABNANL2A", "ORDER-2006"],
    ])
  })

  it("reads the older Dutch coded :86: (/TRTP/…/IBAN/…/BIC/…/NAME/…/REMI/…)", () => {
    expect(readMt940Details("/TRTP/SEPA OVERBOEKING/IBAN/NL91ABNA0417164300/BIC/ABNANL2A/NAME/J. JANSEN/REMI/BESTELLING 2009/EREF/NOTPROVIDED")).toMatchObject({
      counterpart_account: "NL91ABNA0417164300",
      counterpart_bic: "ABNANL2A",
      counterpart_name: "J. JANSEN",
      remittance_text: "BESTELLING 2009",
      end_to_end_reference: "NOTPROVIDED",
    })
  })

  it("decodes Windows-1252 (€ and umlauts), UTF-16 with byte order mark, UTF-8 with BOM, and CR-only line ends", () => {
    const text = [":20:X", ":25:DE89370400440532013000", ":60F:C261130EUR0,00", ":61:2611301130C5,00N166NONREF", ":86:166?20SVWZ+Müller zahlt 5 € für 2004?32Jörg Weiß", ":62F:C261130EUR5,00", "-", ""]
    const expected = ["Müller zahlt 5 € für 2004", "Jörg Weiß"]
    const forms = [
      Buffer.from(text.join("\r\n").replace("€", "\u0080"), "latin1"), // € at 0x80 as Windows-1252 writes it
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.join("\r\n"), "utf16le")]),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.join("\n"), "utf8")]),
      Buffer.from(text.join("\r"), "utf8"),
    ]
    for (const bytes of forms) {
      const credit = incoming(read(bytes)).credits[0]
      expect([credit.remittance_text, credit.debtor_name]).toEqual(expected)
    }
  })
})
