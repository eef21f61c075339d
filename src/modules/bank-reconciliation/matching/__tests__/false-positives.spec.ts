import { matchTransactions } from "../index"
import { allocated, IBAN_MUSTER, item, matchOne, signals, tx } from "./build"

const muster = { customerId: "cus_muster", customerName: "Max Muster", knownIbans: [IBAN_MUSTER] }

describe("numbers that look like references but are not", () => {
  it("does not auto-assign on a postal code that equals an order number", () => {
    const result = matchOne(tx({ amount: "35.00", purpose: "Lieferung nach 10115 Berlin" }), [item({ orderId: "o_10115", displayId: 10115, outstanding: "35.00" }), item({ orderId: "o_x", outstanding: "35.00" })])
    expect(result.decision).not.toBe("auto")
  })

  it("does not read a customer number as an order number", () => {
    const result = matchOne(tx({ amount: "35.00", purpose: "Kd-Nr. 1042 Danke" }), [item({ orderId: "o_1042", displayId: 1042, outstanding: "35.00" })])
    expect(signals(result)).not.toContain("order_number")
  })

  it("does not find order 1042 inside 10423 or RE-2026-10420", () => {
    const openItems = [item({ orderId: "o_1042", displayId: 1042, invoiceNumber: "RE-2026-1042", outstanding: "35.00" })]
    for (const purpose of ["Bestellung 10423", "RE-2026-10420", "Tel 0301042", "DE1042"]) {
      expect(signals(matchOne(tx({ amount: "35.00", purpose }), openItems))).not.toContain("order_number")
    }
  })

  it("does not take a year, a date or an amount in the purpose for an order number", () => {
    const openItems = [2026, 1911, 3500].map((n) => item({ orderId: `o_${n}`, displayId: n, outstanding: "35.00" }))
    const result = matchOne(tx({ amount: "35.00", purpose: "Zahlung 2026 vom 19.11.2026 Betrag 35,00 EUR" }), openItems)
    expect(result.decision).not.toBe("auto")
    expect(result.reasons.map((r) => r.detail).join(" ")).not.toMatch(/1911|3500/)
  })

  it("never auto-assigns an exact amount alone", () => {
    const result = matchOne(tx({ amount: "35.00", purpose: "Danke" }), [item({ orderId: "o_1", outstanding: "35.00" })])
    expect(result.decision).toBe("suggest")
    expect(result.confidence).toBeLessThan(0.5)
  })

  it("does not auto-assign by IBAN when the IBAN is on file for two customers", () => {
    const shared = { knownIbans: [IBAN_MUSTER] }
    const result = matchOne(tx({ amount: "35.00", counterpartIban: IBAN_MUSTER }), [
      item({ orderId: "o_a", outstanding: "35.00", customerId: "cus_a", ...shared }),
      item({ orderId: "o_b", outstanding: "60.00", customerId: "cus_b", ...shared }),
    ])
    expect(result.decision).not.toBe("auto")
  })

  it("ignores open items in another currency", () => {
    const result = matchOne(tx({ amount: "35.00", currency: "EUR", purpose: "Bestellung 1042" }), [item({ orderId: "o_1042", displayId: 1042, currency: "CHF", outstanding: "35.00" })])
    expect(result.decision).toBe("none")
  })

  it("ignores open items with nothing outstanding", () => {
    const result = matchOne(tx({ amount: "35.00", purpose: "Bestellung 1042" }), [item({ orderId: "o_1042", displayId: 1042, outstanding: "0.00" })])
    expect(result.decision).toBe("none")
  })

  it("does not auto-assign when the referenced order and the IBAN-and-amount match disagree", () => {
    const result = matchOne(tx({ amount: "50.00", purpose: "Bestellung 2001", counterpartIban: IBAN_MUSTER }), [
      item({ orderId: "o_2001", displayId: 2001, outstanding: "80.00", ...muster }),
      item({ orderId: "o_2002", displayId: 2002, outstanding: "50.00", ...muster }),
    ])
    expect(result.decision).not.toBe("auto")
  })
})

describe("a bare order number", () => {
  const openItems = [item({ orderId: "o_4711", displayId: 4711, outstanding: "35.00", ...muster }), item({ orderId: "o_4712", displayId: 4712, outstanding: "35.00", ...muster })]

  it("decides with the exact amount and the known payer", () => {
    const result = matchOne(tx({ amount: "35.00", purpose: "4711 danke", counterpartIban: IBAN_MUSTER }), openItems)
    expect(result.decision).toBe("auto")
    expect(allocated(result)).toBe("o_4711=35.00")
  })

  it("only suggests from an unknown payer", () => {
    const result = matchOne(tx({ amount: "35.00", purpose: "4711 danke" }), openItems)
    expect(result.decision).toBe("suggest")
  })
})

describe("several payments in one run", () => {
  const openItems = [item({ orderId: "o_1", displayId: 1042, outstanding: "119.00", ...muster })]

  it("does not auto-assign two transfers that together exceed the order (duplicate payment)", () => {
    const output = matchTransactions({
      transactions: [tx({ id: "a", amount: "119.00", purpose: "Bestellung 1042" }), tx({ id: "b", amount: "119.00", purpose: "Bestellung 1042" })],
      openItems,
    })
    expect(output.results.map((r) => r.decision)).toEqual(["suggest", "suggest"])
    expect(output.results[0].reasons.map((r) => r.signal)).toContain("batch")
  })

  it("auto-assigns two partial transfers that together fit the order when partial payments are booked automatically", () => {
    const output = matchTransactions({
      transactions: [
        tx({ id: "a", amount: "50.00", purpose: "Bestellung 1042", counterpartIban: IBAN_MUSTER }),
        tx({ id: "b", amount: "69.00", purpose: "Bestellung 1042", counterpartIban: IBAN_MUSTER }),
      ],
      openItems,
      options: { autoPartialPayments: true },
    })
    expect(output.results.map((r) => r.decision)).toEqual(["auto", "auto"])
  })
})
