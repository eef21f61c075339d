import { scanPurpose, type ScanContext } from "../reference-mentions"
import { DEFAULT_OPTIONS } from "../options"
import { splitSepaTags, tokenize, transliterate } from "../purpose-tokens"

const context: ScanContext = {
  labels: new Set([...DEFAULT_OPTIONS.invoiceKeywords, ...DEFAULT_OPTIONS.orderKeywords, "INV"]),
  ignore: new Set(DEFAULT_OPTIONS.ignoreKeywords),
}

function numbers(purpose: string, endToEnd = ""): string[] {
  return scanPurpose(purpose, endToEnd, context).numbers.map((n) => `${n.digits}${n.labelled ? ":L" : ""}${n.ambiguous ? ":A" : ""}`)
}

describe("purpose tokenisation", () => {
  it("splits German SEPA tags and drops NOTPROVIDED", () => {
    expect(splitSepaTags("EREF+NOTPROVIDED SVWZ+RE 1042 ABWA+Muster GmbH")).toEqual([
      { tag: "SVWZ", text: "RE 1042" },
      { tag: "ABWA", text: "Muster GmbH" },
    ])
    expect(splitSepaTags("Danke EREF+ORDER-10023")).toEqual([{ tag: "TEXT", text: "Danke" }, { tag: "EREF", text: "ORDER-10023" }])
  })

  it("transliterates umlauts and strips accents", () => {
    expect(transliterate("Müller Straße Café")).toBe("Mueller Strasse Cafe")
  })

  it("keeps letters and digits glued together as one token and records separators", () => {
    expect(tokenize("RE-2026/1042 a34bc").map((t) => [t.text, t.sepBefore])).toEqual([["RE", ""], ["2026", "-"], ["1042", "/"], ["A34BC", " "]])
  })

  it.each([
    ["RE-2026-1042", ["20261042:L"]],
    ["Rechnung 2026-1042", ["20261042:L"]],
    ["Re.Nr. 20261042", ["20261042:L"]],
    ["Bestellung 1042", ["1042:L"]],
    ["Order #1042", ["1042:L"]],
    ["Nr1042", ["1042:L"]],
    ["1042 danke", ["1042"]],
    ["vom 02.11.2026 1042", ["1042"]],
    ["35,00 EUR 1042", ["1042"]],
    ["RE 1001, 1002 und 1003", ["1001:L", "1002:L", "1003:L"]],
    ["Bestellung 3104 10115 Berlin", ["3104:L", "10115:A"]],
  ])("reads %s as %j", (purpose, expected) => {
    expect(numbers(purpose)).toEqual(expected)
  })

  it.each([
    ["Kd-Nr. 1042", []],
    ["Kundennummer 55 1042", ["1042"]],
    ["vom 02.11.2026", []],
    ["Betrag 119,00 EUR", []],
    ["Betrag 119.00 EUR", []],
    ["10115 Berlin", ["10115:A"]],
    ["Jahr 2026", ["2026:A"]],
    ["a34bc3xxx1", []],
  ])("does not treat %s as a plain order number", (purpose, expected) => {
    expect(numbers(purpose)).toEqual(expected)
  })

  it("keeps the digits of an RF reference out of the numbers, valid or not", () => {
    expect(numbers("RF18 5390 0754 7043 Danke")).toEqual([])
    const scan = scanPurpose("RF45 1234 5123 45", "", context)
    expect(scan.compacts.filter((c) => c.rfValid).map((c) => c.compact)).toEqual(["RF451234512345"])
  })

  it("reads the end-to-end reference as structured data", () => {
    const scan = scanPurpose("", "ORDER-10023", context)
    expect(scan.numbers).toEqual([expect.objectContaining({ digits: "10023", labelled: true, source: "end_to_end" })])
  })

  it("collects words for name matching and the ultimate debtor", () => {
    const scan = scanPurpose("SVWZ+1234//HADDOCK-Archibald ABWA+Moulinsart AG", "", context)
    expect(scan.words).toEqual(["haddock", "archibald"])
    expect(scan.ultimateDebtor).toBe("Moulinsart AG")
  })
})
