import { createRf } from "../iso11649"
import type { BankTransactionInput, Decision, MatchOptionsInput, OpenItemInput } from "../types"
import { allocated, IBAN_MUSTER, IBAN_OTHER, item, matchOne, signals, tx } from "./build"

type Case = {
  name: string
  transaction: BankTransactionInput
  openItems: OpenItemInput[]
  options?: MatchOptionsInput
  decision: Decision | "not auto"
  allocations?: string
  codes?: string[]
  alternatives?: string[]
}

// A small shop with five-digit order numbers, invoices "RE-2026-<n>" and RF references per order.
function order(displayId: number, outstanding: string, who: Partial<OpenItemInput> & { customerId: string }): OpenItemInput {
  return item({ orderId: `o_${displayId}`, displayId, invoiceNumber: `RE-2026-${displayId}`, paymentReference: createRf(String(displayId)), outstanding, ...who })
}
const kraus = { customerId: "cus_kraus", customerName: "Martina Kraus" }
const holz = { customerId: "cus_holz", customerName: "Udo Brenner", companyName: "Tischlerei Holz GmbH", aliases: ["Holzwerkstatt Brenner"] }
const lang = { customerId: "cus_lang", customerName: "Petra Lang" }
const vogel = { customerId: "cus_vogel", customerName: "Jonas Vogel", knownIbans: [IBAN_OTHER] }
const becker = { customerId: "cus_becker", customerName: "Ilse Becker", knownIbans: [IBAN_MUSTER] }
const bystanders = [
  order(30001, "60.00", { customerId: "cus_x1", customerName: "Karl Roth" }),
  order(30002, "119.00", { customerId: "cus_x2", customerName: "Vera Stein" }),
  order(10115, "24.95", { customerId: "cus_x3", customerName: "Ole Brandt" }),
]
const rf20417 = createRf("20417")

const cases: Case[] = [
  // Partial payments whose reference leaves no doubt: the order stays partly paid.
  {
    name: "an instalment with a verified RF reference is assigned as it is (60.00 of 180.00)",
    transaction: tx({ amount: "60.00", purpose: `Teilzahlung ${rf20417.replace(/(.{4})/g, "$1 ")}`, counterpartName: "M. Kraus" }),
    openItems: [order(20417, "180.00", kraus), ...bystanders],
    decision: "auto", allocations: "o_20417=60.00", codes: ["reference_match", "amount_partial"],
  },
  {
    name: "an instalment naming the order in a recognised form ('Anzahlung Bestellung 20417') is assigned",
    transaction: tx({ amount: "50.00", purpose: "Anzahlung Bestellung 20417", counterpartName: "Martina Kraus" }),
    openItems: [order(20417, "200.00", kraus), ...bystanders],
    decision: "auto", allocations: "o_20417=50.00",
  },
  {
    name: "an instalment from an account on file for somebody else, reference not check-digit protected → suggest",
    transaction: tx({ amount: "50.00", purpose: "RE-2026-20417", counterpartIban: IBAN_OTHER, counterpartName: "Jonas Vogel" }),
    openItems: [order(20417, "200.00", kraus), order(20500, "75.00", vogel), ...bystanders],
    decision: "suggest", allocations: "o_20417=50.00",
  },
  {
    name: "an underpayment that is exactly another open order of the customer is no instalment → not auto",
    transaction: tx({ amount: "60.00", purpose: "RE-2026-20417", counterpartName: "Martina Kraus" }),
    openItems: [order(20417, "180.00", kraus), order(20418, "60.00", kraus)],
    decision: "not auto",
  },
  // Overpayments with a verified number: what is owed is assigned, the rest stays visible.
  {
    name: "120.00 for RE-2026-20417 owing 119.00 → 119.00 assigned, 1.00 left unassigned",
    transaction: tx({ amount: "120.00", purpose: "RE-2026-20417", counterpartName: "Martina Kraus" }),
    openItems: [order(20417, "119.00", kraus), ...bystanders],
    decision: "auto", allocations: "o_20417=119.00", codes: ["invoice_match", "name_full", "amount_overpayment"],
  },
  {
    name: "an overpayment whose surplus is what another open order of the customer owes → not auto",
    transaction: tx({ amount: "179.00", purpose: "RE-2026-20417", counterpartName: "Martina Kraus" }),
    openItems: [order(20417, "119.00", kraus), order(20418, "60.00", kraus)],
    decision: "not auto",
  },
  {
    name: "paying more than twice what the order owes is not a plain overpayment → not auto",
    transaction: tx({ amount: "300.00", purpose: "RE-2026-20417", counterpartName: "Martina Kraus" }),
    openItems: [order(20417, "119.00", kraus)],
    decision: "not auto",
  },
  // Several numbers that add up exactly.
  {
    name: "'Rechnungen 20417 20418' (space-separated) for their exact sum → both assigned",
    transaction: tx({ amount: "179.00", purpose: "Rechnungen 20417 20418", counterpartName: "Martina Kraus" }),
    openItems: [order(20417, "119.00", kraus), order(20418, "60.00", kraus), ...bystanders],
    decision: "auto", allocations: "o_20417=119.00,o_20418=60.00",
  },
  {
    name: "'20417/20418' for their exact sum → both assigned",
    transaction: tx({ amount: "179.00", purpose: "20417/20418", counterpartName: "Kraus, Martina" }),
    openItems: [order(20417, "119.00", kraus), order(20418, "60.00", kraus), ...bystanders],
    decision: "auto", allocations: "o_20417=119.00,o_20418=60.00",
  },
  {
    name: "'RE-2026-20417, RE-2026-20418' for their exact sum → both assigned",
    transaction: tx({ amount: "179.00", purpose: "RE-2026-20417, RE-2026-20418" }),
    openItems: [order(20417, "119.00", kraus), order(20418, "60.00", kraus), ...bystanders],
    decision: "auto", allocations: "o_20417=119.00,o_20418=60.00", codes: ["invoice_match", "amount_set_exact"],
  },
  {
    name: "two slash-joined numbers of two different customers are no certain pair → not auto",
    transaction: tx({ amount: "179.00", purpose: "20417/20500" }),
    openItems: [order(20417, "119.00", kraus), order(20500, "60.00", vogel)],
    decision: "not auto",
  },
  {
    name: "a postal code after the order number ('Bestellung 20433 10115 Berlin') never takes the payment",
    transaction: tx({ amount: "24.95", purpose: "Bestellung 20433 10115 Berlin" }),
    openItems: [order(20433, "24.95", kraus), ...bystanders],
    decision: "auto", allocations: "o_20433=24.95",
  },
  // A bare order number confirmed by the payer's name and the exact amount.
  {
    name: "'Zahlung 20417' from 'Kraus, Martina' for exactly what #20417 owes",
    transaction: tx({ amount: "89.90", purpose: "Zahlung 20417", counterpartName: "Kraus, Martina" }),
    openItems: [order(20417, "89.90", kraus), order(20418, "89.90", kraus), ...bystanders],
    decision: "auto", allocations: "o_20417=89.90", codes: ["order_match", "name_full", "amount_exact"],
  },
  {
    name: "a company payer in capitals ('TISCHLEREI HOLZ GMBH') with '20981 Kostenstelle 12'",
    transaction: tx({ amount: "412.30", purpose: "20981 Kostenstelle 12", counterpartName: "TISCHLEREI HOLZ GMBH" }),
    openItems: [order(20981, "412.30", holz), order(20982, "99.00", holz), ...bystanders],
    decision: "auto", allocations: "o_20981=412.30",
  },
  {
    name: "a bare number followed by a postal code and city ('20433 10115 Berlin')",
    transaction: tx({ amount: "24.95", purpose: "20433 10115 Berlin", counterpartName: "Martina Kraus" }),
    openItems: [order(20433, "24.95", kraus), ...bystanders],
    decision: "auto", allocations: "o_20433=24.95",
  },
  {
    name: "a payer name the operator taught (alias) confirms a bare number like the customer's own name",
    transaction: tx({ amount: "412.30", purpose: "20981", counterpartName: "HOLZWERKSTATT BRENNER" }),
    openItems: [order(20981, "412.30", holz), ...bystanders],
    decision: "auto", allocations: "o_20981=412.30",
  },
  {
    name: "the same bare number from an unknown payer stays a suggestion",
    transaction: tx({ amount: "412.30", purpose: "20981", counterpartName: "Sägewerk Nord" }),
    openItems: [order(20981, "412.30", holz), ...bystanders],
    decision: "not auto",
  },
  {
    name: "a bare number with the right name but an amount that is off → not auto",
    transaction: tx({ amount: "80.00", purpose: "Zahlung 20417", counterpartName: "Martina Kraus" }),
    openItems: [order(20417, "89.90", kraus), ...bystanders],
    decision: "not auto",
  },
  // The payer contradicts the number.
  {
    name: "PETRA LANG pays 24.95 for 'Bestellung 21385' (someone else's) while her own #21358 owes 24.95 → suggest both",
    transaction: tx({ amount: "24.95", purpose: "Bestellung 21385", counterpartName: "PETRA LANG" }),
    openItems: [order(21385, "24.95", { customerId: "cus_other", customerName: "Dieter Wolf" }), order(21358, "24.95", lang), ...bystanders],
    decision: "suggest", allocations: "o_21385=24.95", codes: ["order_match", "amount_exact", "payer_conflict"], alternatives: ["o_21358=24.95"],
  },
  {
    name: "the same contradiction with an RF reference and an IBAN on file for the payer → still suggest",
    transaction: tx({ amount: "75.00", purpose: createRf("20417"), counterpartIban: IBAN_OTHER, counterpartName: "Jonas Vogel" }),
    openItems: [order(20417, "75.00", kraus), order(20500, "75.00", vogel)],
    decision: "suggest", allocations: "o_20417=75.00", alternatives: ["o_20500=75.00"],
  },
  {
    name: "a third party paying someone else's order with nothing of their own at that amount → auto",
    transaction: tx({ amount: "24.95", purpose: "Bestellung 21385", counterpartName: "PETRA LANG" }),
    openItems: [order(21385, "24.95", { customerId: "cus_other", customerName: "Dieter Wolf" }), order(21358, "30.00", lang)],
    decision: "auto", allocations: "o_21385=24.95",
  },
  // Weak evidence stays weak.
  {
    name: "Anna Schäfer's 49.99 is at most a low-confidence alternative for Björn Schäfer's 50.00 order",
    transaction: tx({ amount: "49.99", purpose: "Danke", counterpartName: "Anna Schäfer", counterpartIban: "DE12500105170648489890" }),
    openItems: [item({ orderId: "o_b", customerId: "cus_bs", customerName: "Björn Schäfer", outstanding: "50.00" }), ...bystanders],
    decision: "none", alternatives: ["o_b=49.99"],
  },
  // The shop's bank-fee tolerance.
  {
    name: "with bankFeeTolerance 1.50, 118.00 for RE-2026-20417 owing 119.00 is paid in full for matching; 118.00 booked",
    transaction: tx({ amount: "118.00", purpose: "RE-2026-20417" }),
    openItems: [order(20417, "119.00", kraus), ...bystanders],
    options: { bankFeeTolerance: "1.50" },
    decision: "auto", allocations: "o_20417=118.00", codes: ["invoice_match", "amount_bank_fee"],
  },
  {
    name: "with bankFeeTolerance 1.50, a known IBAN and 1.20 short of the only order at that amount → auto",
    transaction: tx({ amount: "48.80", purpose: "Danke", counterpartIban: IBAN_MUSTER }),
    openItems: [item({ orderId: "o_bk", outstanding: "50.00", ...becker }), ...bystanders],
    options: { bankFeeTolerance: "1.50" },
    decision: "auto", allocations: "o_bk=48.80",
  },
  {
    name: "without the option (default) the same 1.00 short is a deduction for a human",
    transaction: tx({ amount: "118.00", purpose: "RE-2026-20417" }),
    openItems: [order(20417, "119.00", kraus), ...bystanders],
    decision: "suggest", allocations: "o_20417=118.00", codes: ["invoice_match", "amount_partial"],
  },
  {
    name: "1.60 short is beyond a 1.50 fee tolerance",
    transaction: tx({ amount: "117.40", purpose: "RE-2026-20417" }),
    openItems: [order(20417, "119.00", kraus), ...bystanders],
    options: { bankFeeTolerance: "1.50" },
    decision: "suggest", codes: ["invoice_match", "amount_partial"],
  },
]

describe("certain kinds of payment and their traps", () => {
  it.each(cases)("$name", (scenario) => {
    const result = matchOne(scenario.transaction, scenario.openItems, scenario.options)
    if (scenario.decision === "not auto") {
      expect(result.decision).not.toBe("auto")
    } else {
      expect(result.decision).toBe(scenario.decision)
    }
    if (scenario.allocations) {
      expect(allocated(result)).toBe(scenario.allocations)
    }
    const codes = result.reasons.flatMap((reason) => [reason.code, ...(reason.more ?? []).map((more) => more.code)])
    for (const code of scenario.codes ?? []) {
      expect(codes).toContain(code)
    }
    const alternatives = result.alternatives.map((alternative) => alternative.allocations.map((a) => `${a.orderId}=${a.amount}`).join(","))
    for (const alternative of scenario.alternatives ?? []) {
      expect(alternatives).toContain(alternative)
    }
    if (scenario.decision === "none") {
      expect(result.alternatives.every((alternative) => alternative.confidence < 0.3)).toBe(true)
    }
  })

  it("gives every reason a code with parameters next to the English detail", () => {
    const result = matchOne(tx({ amount: "179.00", purpose: "Rechnungen 20417 20418", counterpartName: "Martina Kraus" }), [order(20417, "119.00", kraus), order(20418, "60.00", kraus)])
    expect(signals(result)).toEqual(["order_number", "name", "amount"])
    expect(result.reasons.find((reason) => reason.signal === "order_number")).toMatchObject({
      code: "order_match", params: { order: 20417, quality: "labelled" }, more: [{ code: "order_match", params: { order: 20418, quality: "listed" } }],
    })
    expect(result.reasons.find((reason) => reason.signal === "amount")).toMatchObject({ code: "amount_set_exact", params: { count: 2, parts: ["119.00", "60.00"] } })
  })
})
