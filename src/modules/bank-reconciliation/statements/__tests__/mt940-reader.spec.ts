import { readMt940Details } from "../mt940-purpose"
import { readFixture, SPARKASSE_PAYMENT } from "./statement-file"

describe("MT940 reader", () => {
  it("reads a Sparkasse export: CRLF, :86: cut at 65 characters, BLZ/account turned into the IBAN, a reversed debit left out", () => {
    const { file, incoming, leftOut } = readFixture("mt940-sparkasse.sta")
    expect(file.statements.map((s) => [s.iban, s.account_label, s.currency, s.statement_id])).toEqual([
      ["DE93370501981234567890", "37050198/1234567890", "EUR", "00215/001"],
    ])
    expect(leftOut).toEqual({ debit: 1, reversal: 1 })
    expect(incoming).toEqual([
      { ...SPARKASSE_PAYMENT, remittance_text: "Bestellung 1042 RF18539007547034 Jürgen Müller", transaction_code: "166", place: "line 5" },
    ])
  })

  it("reads a Deutsche Bank export: SWIFT block header, KREF before SVWZ, a 140-character remittance over six ?2x lines", () => {
    const { file, incoming, leftOut } = readFixture("mt940-deutsche-bank.sta")
    expect(file.statements[0].iban).toBe("DE72500700100123456700")
    expect(leftOut).toEqual({ debit: 1 })
    expect(incoming).toHaveLength(1)
    expect(incoming[0].remittance_text).toBe(
      "Rechnung RE-2026-0815 Kundennr. 4711 Bestellung 1043 vom 18.11.2026 Zahlung per Ueberweisung. Vielen Dank fuer die schnelle Lieferung! Gruss"
    )
    expect(incoming[0].remittance_text).toHaveLength(140)
    expect(incoming[0]).toMatchObject({ end_to_end_reference: "NOTPROVIDED", debtor_name: "MAX MUSTERMANN", bank_reference: "DB00000012345678" })
  })

  it("reads a Commerzbank export: IBAN in :25:, keywords inside a line, unstructured :86:, two statements over New Year", () => {
    const { file, incoming, leftOut } = readFixture("mt940-commerzbank.sta")
    expect(file.statements).toHaveLength(2)
    expect(leftOut).toEqual({})
    expect(incoming.map((e) => [e.booking_date, e.value_date, e.amount, e.end_to_end_reference, e.remittance_text, e.debtor_name])).toEqual([
      ["2027-01-02", "2026-12-31", "75.50", "RE2026-1052", "Rechnung 2026-1052 Frau Petra Müller", "Petra Müller"],
      ["2026-12-31", "2026-12-31", "20.00", null, "Bareinzahlung Filiale Köln-Ehrenfeld", null],
      ["2027-01-02", "2027-01-02", "10.00", null, "Bestellung 1053", "Ömer Yılmaz"],
    ])
  })

  it("reads a cooperative bank's ISO-8859-1 export: funds code, ABWA+, name over ?32/?33, purpose continued in ?60", () => {
    const { file, incoming, leftOut } = readFixture("mt940-volksbank.sta")
    expect(file.statements[0].iban).toBe("DE25760695590004711815")
    expect(leftOut).toEqual({ debit: 1 })
    expect(incoming.map((e) => [e.amount, e.end_to_end_reference, e.remittance_text, e.debtor_name, e.ultimate_debtor, e.debtor_bic])).toEqual([
      ["64.80", "ZAHLUNG-1051-TEST", "Bestellung 1051 Hans-Jörg Bäumler Fürth", "Hans-Jörg Bäumler und Friederike Bäumler-Öztürk", null, "GENODEF1NEA"],
      ["120.00", "1054-SAMMEL", "Bestellung 1054 und 1055 Lieferung KW 48 Brauerei Gasthof", "Brauerei Weißbräu eG", "Weißbräu Gaststätte", "GENODEF1NEA"],
    ])
  })
})

describe("German structured :86:", () => {
  it("splits the SEPA keywords and keeps each part's text", () => {
    expect(
      readMt940Details("171?00SEPA-LASTSCHRIFT?109248?20EREF+ABC-1?21MREF+M-77?22CRED+DE98ZZZ09999999999?23SVWZ+Beitrag 2026 Mitgliedsn?24ummer 42?32Verein eV")
    ).toMatchObject({
      transaction_code: "171",
      booking_text: "SEPA-LASTSCHRIFT",
      end_to_end_reference: "ABC-1",
      mandate_reference: "M-77",
      creditor_id: "DE98ZZZ09999999999",
      remittance_text: "Beitrag 2026 Mitgliedsnummer 42",
      counterpart_name: "Verein eV",
    })
  })

  it("joins a full 27-character line to the next without a space", () => {
    expect(readMt940Details("166?20SVWZ+Rechnung 4711 Kundennu?21mmer 99").remittance_text).toBe("Rechnung 4711 Kundennummer 99")
  })

  it("takes a purpose without keywords as the remittance text and no keyword inside a word", () => {
    expect(readMt940Details("166?20Rechnungsnr+1042?21Danke").remittance_text).toBe("Rechnungsnr+1042 Danke")
    expect(readMt940Details("Miete November").remittance_text).toBe("Miete November")
  })

  it("reads a :86: with another separator than ?", () => {
    expect(readMt940Details("166/00GUTSCHRIFT/20EREF+X-1/21SVWZ+Bestellung 7/32Eva Ost")).toMatchObject({
      end_to_end_reference: "X-1",
      remittance_text: "Bestellung 7",
      counterpart_name: "Eva Ost",
    })
  })
})
