import { readFixture, SPARKASSE_PAYMENT } from "./statement-file"

describe("CAMT reader", () => {
  it("reads a Sparkasse camt.053.001.02 with a batch entry split into its transactions", () => {
    const { file, entries, incoming, leftOut } = readFixture("camt053-v02-sparkasse.xml")
    expect(file.format).toBe("camt.053.001.02")
    expect(file.statements).toHaveLength(1)
    expect(file.statements[0]).toMatchObject({ iban: "DE93370501981234567890", currency: "EUR", statement_id: "0532013000-2026-11-20-215" })
    expect(entries).toHaveLength(7)
    expect(incoming.map((e) => e.amount)).toEqual(["49.90", "100.00", "150.00", "50.00"])
    expect(leftOut).toEqual({ debit: 1, reversal: 1, not_booked: 1 })
    expect(incoming[0]).toEqual({
      ...SPARKASSE_PAYMENT,
      remittance_text: "Bestellung 1042 Jürgen Müller",
      transaction_code: "NTRF+166+9310",
      place: "Stmt 1, Ntry 1",
    })
    expect(incoming[1].remittance_text).toHaveLength(140)
    expect(incoming[1].remittance_text).toBe(
      "Rechnung RE-2026-0815 Kundennr. 4711 Bestellung 1043 vom 18.11.2026 Zahlung per Überweisung. Vielen Dank für die schnelle Lieferung! Grüße A"
    )
    expect(incoming[2]).toMatchObject({
      debtor_name: "Özdemir & Söhne OHG",
      ultimate_debtor: "Özdemir Gastronomie",
      end_to_end_reference: "NOTPROVIDED",
      place: "Stmt 1, Ntry 2, TxDtls 2",
    })
    expect(incoming[3]).toMatchObject({ debtor_name: "Weiß, Björn", bank_reference: "2026112000012346" })
  })

  it("reads a Deutsche Bank camt.053.001.04: transaction amounts in TxDtls, a negative closing balance, a structured RF reference", () => {
    const { file, entries, incoming, leftOut } = readFixture("camt053-v04-deutsche-bank.xml")
    expect(file.format).toBe("camt.053.001.04")
    expect(entries).toHaveLength(4)
    expect(leftOut).toEqual({ debit: 1 })
    expect(incoming.map((e) => [e.amount, e.end_to_end_reference, e.bank_reference])).toEqual([
      ["119.00", "NOTPROVIDED", "DB00000012345678"],
      ["20.00", "PAYPAL-7HX22", "DB00000012345679-1"],
      ["30.00", "PAYPAL-7HX23", "DB00000012345679-2"],
    ])
    // an IBAN written in groups is compacted; several Ustrd lines are one text
    expect(incoming[0]).toMatchObject({ debtor_iban: "DE29100100100987654321", remittance_text: "Order #1047 Max Mustermann", debtor_bic: "PBNKDEFFXXX" })
    expect(incoming[1]).toMatchObject({ creditor_reference: "RF09ORDER1048", remittance_text: null, debtor_name: "Käthe Groß" })
  })

  it("reads a Commerzbank camt.053.001.08: status and parties in their .08 wrappers, booking date as DtTm", () => {
    const { file, incoming, leftOut } = readFixture("camt053-v08-commerzbank.xml")
    expect(file.format).toBe("camt.053.001.08")
    expect(leftOut).toEqual({ not_booked: 1 })
    expect(incoming).toHaveLength(1)
    expect(incoming[0]).toMatchObject({
      amount: "1234.56",
      booking_date: "2026-11-24",
      debtor_name: "Müller & Weiß Feinkost GmbH & Co. KG",
      ultimate_debtor: "Filiale Düsseldorf",
      debtor_bic: "HASPDEHHXXX",
      end_to_end_reference: "RE2026-1050",
      transaction_code: "PMNT/RCDT/ESCT",
    })
  })

  it("reads a cooperative bank's camt.054.001.08 notification and leaves its reversal out", () => {
    const { file, incoming, leftOut } = readFixture("camt054-v08-volksbank.xml")
    expect(file.format).toBe("camt.054.001.08")
    expect(file.statements[0].iban).toBe("DE25760695590004711815")
    expect(leftOut).toEqual({ reversal: 1 })
    expect(incoming.map((e) => [e.amount, e.debtor_name, e.remittance_text])).toEqual([
      ["64.80", "Hans-Jörg Bäumler", "Bestellung 1051 Hans-Jörg Bäumler Fürth"],
    ])
  })
})
