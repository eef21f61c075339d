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
  hasSignals?: string[]
  lacksSignals?: string[]
  detail?: RegExp
}

const muster = { customerId: "cus_muster", customerName: "Max Muster", companyName: "Muster GmbH", knownIbans: [IBAN_MUSTER] }
const noise = [
  item({ orderId: "o_noise_1", displayId: 7001, invoiceNumber: "RE-2026-7001", outstanding: "119.00" }),
  item({ orderId: "o_noise_2", displayId: 7002, invoiceNumber: "RE-2026-7002", outstanding: "1000.00" }),
]
const rfValid = createRf("53900754703")

// Scenarios from RECONCILIATION-NOTES.md table (c) that apply to orders, named "#n …".
const cases: Case[] = [
  {
    name: "#1 invoice number with hyphens, known IBAN, exact amount → auto",
    transaction: tx({ amount: "119.00", purpose: "RE-2026-0042 Gravur", endToEndReference: "E2E-1", counterpartName: "Muster GmbH", counterpartIban: IBAN_MUSTER }),
    openItems: [item({ orderId: "o_42", displayId: 42, invoiceNumber: "RE-2026-0042", outstanding: "119.00", ...muster }), item({ orderId: "o_43", displayId: 43, outstanding: "50.00", ...muster }), ...noise],
    decision: "auto", allocations: "o_42=119.00", hasSignals: ["invoice_number", "iban", "name", "amount"],
  },
  {
    name: "#2 'invoice 2019-0001' matches INV/2019/0001 (separator and prefix insensitive) → auto",
    transaction: tx({ purpose: "invoice 2019-0001", counterpartIban: IBAN_MUSTER }),
    openItems: [item({ orderId: "o_1", displayId: 1, invoiceNumber: "INV/2019/0001", ...muster }), ...noise],
    decision: "auto", allocations: "o_1=100.00", hasSignals: ["invoice_number"],
  },
  {
    name: "#3 digit soup 'a34bc3xxx1' does not match reference cxxx343y1",
    transaction: tx({ purpose: "a34bc3xxx1" }),
    openItems: [item({ orderId: "o_1", invoiceNumber: "cxxx343y1", paymentReference: "cxxx343y1" }), ...noise],
    decision: "not auto", lacksSignals: ["invoice_number", "payment_reference"],
  },
  {
    name: "#4 payment reference with 95 of 100 inside a configured 10 % tolerance → auto",
    transaction: tx({ amount: "95.00", purpose: "doudlidou3555" }),
    openItems: [item({ orderId: "o_1", paymentReference: "doudlidou3555" }), ...noise],
    options: { underpaymentTolerancePercent: 10 },
    decision: "auto", allocations: "o_1=95.00", hasSignals: ["payment_reference", "amount"],
  },
  {
    name: "#5 payer name written in the purpose '1234//HADDOCK-Archibald' → suggest Haddock's order",
    transaction: tx({ purpose: "1234//HADDOCK-Archibald" }),
    openItems: [item({ orderId: "o_h", customerName: "Archibald Haddock" }), item({ orderId: "o_x", customerName: "Tim Struppi" }), ...noise],
    decision: "suggest", allocations: "o_h=100.00", hasSignals: ["name"],
  },
  {
    name: "#6 customer name with regex metacharacters 'Archibald + Haddock' → no crash, suggest",
    transaction: tx({ purpose: "1234//HADDOCK+Archibald" }),
    openItems: [item({ orderId: "o_h", customerName: "Archibald + Haddock" }), item({ orderId: "o_x", customerName: "Tim Struppi" })],
    decision: "suggest", allocations: "o_h=100.00",
  },
  {
    name: "#7 no reference, known customer, 990 vs 1000 with 0 % tolerance → suggest only",
    transaction: tx({ amount: "990.00", counterpartIban: IBAN_MUSTER }),
    openItems: [item({ orderId: "o_1", outstanding: "1000.00", ...muster }), ...noise],
    decision: "suggest", allocations: "o_1=990.00",
  },
  {
    name: "#8 no reference, known customer, 1010 vs 1000 → order settled, 10 left unassigned, suggest",
    transaction: tx({ amount: "1010.00", counterpartIban: IBAN_MUSTER }),
    openItems: [item({ orderId: "o_1", outstanding: "1000.00", ...muster })],
    decision: "suggest", allocations: "o_1=1000.00", detail: /10\.00 left unassigned/,
  },
  {
    name: "#9 numeric payment reference 123456, 990 vs 1000 with 1 % tolerance → auto",
    transaction: tx({ amount: "990.00", purpose: "123456", counterpartIban: IBAN_MUSTER }),
    openItems: [item({ orderId: "o_1", outstanding: "1000.00", paymentReference: "123456", ...muster }), ...noise],
    options: { underpaymentTolerancePercent: 1 },
    decision: "auto", allocations: "o_1=990.00",
  },
  {
    name: "#10 invoice number with 40 of 100 → an instalment, certain: auto, 60 stays open",
    transaction: tx({ amount: "40.00", purpose: "Rechnung RE-2026-0100", counterpartIban: IBAN_MUSTER }),
    openItems: [item({ orderId: "o_1", invoiceNumber: "RE-2026-0100", ...muster })],
    decision: "auto", allocations: "o_1=40.00", detail: /60\.00 stays open/,
  },
  {
    name: "#10b 96 of 100 with the invoice number looks like a deduction, not an instalment → suggest",
    transaction: tx({ amount: "96.00", purpose: "Rechnung RE-2026-0100", counterpartIban: IBAN_MUSTER }),
    openItems: [item({ orderId: "o_1", invoiceNumber: "RE-2026-0100", ...muster })],
    decision: "suggest", allocations: "o_1=96.00", detail: /4\.00 stays open/,
  },
  {
    name: "#10c the same deduction is auto when the shop books any referenced partial payment (autoPartialPayments)",
    transaction: tx({ amount: "96.00", purpose: "Rechnung RE-2026-0100", counterpartIban: IBAN_MUSTER }),
    openItems: [item({ orderId: "o_1", invoiceNumber: "RE-2026-0100", ...muster })],
    options: { autoPartialPayments: true },
    decision: "auto", allocations: "o_1=96.00",
  },
  {
    name: "#11 250 against 100/200/300 without reference → never auto",
    transaction: tx({ amount: "250.00", counterpartIban: IBAN_MUSTER }),
    openItems: ["100.00", "200.00", "300.00"].map((outstanding, i) => item({ orderId: `o_${i}`, outstanding, ...muster })),
    decision: "not auto",
  },
  {
    name: "#12 300 against 100/200/300 → the single exact 300 wins over 100+200 → auto",
    transaction: tx({ amount: "300.00", counterpartIban: IBAN_MUSTER }),
    openItems: ["100.00", "200.00", "300.00"].map((outstanding, i) => item({ orderId: `o_${i}`, outstanding, ...muster })),
    decision: "auto", allocations: "o_2=300.00",
  },
  {
    name: "#13 memo a1b2c3 pays two orders sharing that reference → both matched",
    transaction: tx({ amount: "1000.00", purpose: "a1b2c3", counterpartIban: IBAN_MUSTER }),
    openItems: [item({ orderId: "o_1", outstanding: "500.00", paymentReference: "a1b2c3", ...muster }), item({ orderId: "o_2", outstanding: "500.00", paymentReference: "a1b2c3", ...muster })],
    decision: "auto", allocations: "o_1=500.00,o_2=500.00",
  },
  {
    name: "#14 customer with two 50.00 orders and no reference → ambiguous, suggest",
    transaction: tx({ amount: "50.00", counterpartIban: IBAN_MUSTER }),
    openItems: [item({ orderId: "o_1", outstanding: "50.00", ...muster }), item({ orderId: "o_2", outstanding: "50.00", ...muster })],
    decision: "suggest", hasSignals: ["ambiguity"],
  },
  {
    name: "#15 stop-words FOR/APS/DKK and a payer matching two customers → no auto",
    transaction: tx({ amount: "2500.00", currency: "DKK", purpose: "Payment FOR invoice APS DKK", counterpartName: "Nordic Design ApS" }),
    openItems: [
      item({ orderId: "o_1", currency: "DKK", outstanding: "2500.00", companyName: "Nordic Design ApS" }),
      item({ orderId: "o_2", currency: "DKK", outstanding: "2500.00", companyName: "Nordic Design A/S" }),
    ],
    decision: "not auto", lacksSignals: ["invoice_number", "order_number"],
  },
  {
    name: "#16 2 % Skonto paid on day 5 with invoice number → auto, order settled by the payment",
    transaction: tx({ amount: "98.00", purpose: "RE-2026-0100", valueDate: "2026-11-04", counterpartIban: IBAN_MUSTER }),
    openItems: [item({ orderId: "o_1", invoiceNumber: "RE-2026-0100", createdAt: "2026-10-30", ...muster })],
    decision: "auto", allocations: "o_1=98.00", detail: /Skonto/,
  },
  {
    name: "#17 the same 98 paid on day 20 is no Skonto → underpayment, suggest",
    transaction: tx({ amount: "98.00", purpose: "RE-2026-0100", valueDate: "2026-11-19", counterpartIban: IBAN_MUSTER }),
    openItems: [item({ orderId: "o_1", invoiceNumber: "RE-2026-0100", createdAt: "2026-10-30", ...muster })],
    decision: "suggest", allocations: "o_1=98.00",
  },
  {
    name: "#18 95.00 of 100 (5 %) is beyond the 3 % Skonto limit → suggest",
    transaction: tx({ amount: "95.00", purpose: "RE-2026-0100" }),
    openItems: [item({ orderId: "o_1", invoiceNumber: "RE-2026-0100" })],
    decision: "suggest", allocations: "o_1=95.00",
  },
  {
    name: "#18b 94.75 of 100 → not auto",
    transaction: tx({ amount: "94.75", purpose: "RE-2026-0100" }),
    openItems: [item({ orderId: "o_1", invoiceNumber: "RE-2026-0100" })],
    decision: "not auto",
  },
  {
    name: "#22 5.00 paid for 4.99 with order number → auto, 0.01 rounding left unassigned",
    transaction: tx({ amount: "5.00", purpose: "Bestellung 4711" }),
    openItems: [item({ orderId: "o_1", displayId: 4711, outstanding: "4.99" })],
    decision: "auto", allocations: "o_1=4.99", detail: /rounding/,
  },
  {
    name: "#23 Müller pays 989.98 of 999.98 with invoice number → suggest with the difference",
    transaction: tx({ amount: "989.98", purpose: "Rechnung 2026-0815", counterpartName: "Mueller Hans" }),
    openItems: [item({ orderId: "o_1", invoiceNumber: "RE-2026-0815", outstanding: "999.98", customerName: "Hans Müller" })],
    decision: "suggest", allocations: "o_1=989.98", detail: /10\.00 stays open/,
  },
  {
    name: "#24 'Ella Jackson' pays customer 'Jackson Ella W.' (word order, initials) → name matches",
    transaction: tx({ amount: "80.00", counterpartName: "Ella Jackson" }),
    openItems: [item({ orderId: "o_1", outstanding: "80.00", customerName: "Jackson Ella W." }), item({ orderId: "o_2", outstanding: "80.00", customerName: "Peter Pan" }), item({ orderId: "o_3", outstanding: "80.00", customerName: "Wendy Darling" }), item({ orderId: "o_4", outstanding: "80.00", customerName: "John Darling" })],
    decision: "suggest", allocations: "o_1=80.00", hasSignals: ["name"],
  },
  {
    name: "#25 payer matching '…& General Stores' and '…And General Stores' → tie, no auto",
    transaction: tx({ purpose: "SINV-0009", counterpartName: "Adithya Medical & General" }),
    openItems: [item({ orderId: "o_1", customerName: "Adithya Medical & General Stores" }), item({ orderId: "o_2", customerName: "Adithya Medical And General Stores" })],
    decision: "not auto",
  },
  {
    name: "#26 no payer name, 'microsoft payments' in the purpose → customer Microsoft suggested",
    transaction: tx({ amount: "59.00", purpose: "Auftraggeber: microsoft payments Buchungstext: msft ..e3006b5hdy" }),
    openItems: [item({ orderId: "o_ms", outstanding: "59.00", companyName: "Microsoft" }), item({ orderId: "o_x", outstanding: "59.00", companyName: "Contoso" }), item({ orderId: "o_y", outstanding: "59.00", companyName: "Fabrikam" }), item({ orderId: "o_z", outstanding: "59.00", companyName: "Initech" })],
    decision: "suggest", allocations: "o_ms=59.00", hasSignals: ["name"],
  },
  {
    name: "#27 correct invoice number from a new IBAN, exact amount → auto",
    transaction: tx({ purpose: "RE-2026-0100", counterpartIban: IBAN_OTHER, counterpartName: "Max Muster" }),
    openItems: [item({ orderId: "o_1", invoiceNumber: "RE-2026-0100", ...muster }), ...noise],
    decision: "auto", allocations: "o_1=100.00",
  },
  {
    name: "#28 'RE 1001, 1002, 1003' pays three invoices in one transfer → split over three, auto",
    transaction: tx({ amount: "600.00", purpose: "RE 1001, 1002, 1003", counterpartIban: IBAN_MUSTER }),
    openItems: [1001, 1002, 1003].map((n, i) => item({ orderId: `o_${n}`, displayId: n, invoiceNumber: `RE-${n}`, outstanding: `${(i + 1) * 100}.00`, ...muster })),
    decision: "auto", allocations: "o_1001=100.00,o_1002=200.00,o_1003=300.00",
  },
  {
    name: "#29 second reference truncated 'RE-2024-08' → partial certainty, suggest",
    transaction: tx({ amount: "300.00", purpose: "EREF+NOTPROVIDED SVWZ+RE-2024-0815 RE-2024-08", counterpartIban: IBAN_MUSTER }),
    openItems: [item({ orderId: "o_815", invoiceNumber: "RE-2024-0815", outstanding: "100.00", ...muster }), item({ orderId: "o_816", invoiceNumber: "RE-2024-0816", outstanding: "200.00", ...muster })],
    decision: "suggest",
  },
  {
    name: "#30 empty SVWZ, 'EREF+ORDER-10023' equals the order total → auto on the end-to-end reference",
    transaction: tx({ amount: "42.50", purpose: "EREF+ORDER-10023 SVWZ+" }),
    openItems: [item({ orderId: "o_10023", displayId: 10023, outstanding: "42.50" }), item({ orderId: "o_other", displayId: 10024, outstanding: "42.50" })],
    decision: "auto", allocations: "o_10023=42.50", detail: /end-to-end/,
  },
  {
    name: "#31a valid RF reference → certain, auto",
    transaction: tx({ amount: "77.00", purpose: `Zahlung ${rfValid.replace(/(.{4})/g, "$1 ")}` }),
    openItems: [item({ orderId: "o_rf", paymentReference: rfValid, outstanding: "77.00" }), item({ orderId: "o_b", outstanding: "77.00" })],
    decision: "auto", allocations: "o_rf=77.00", hasSignals: ["payment_reference"],
  },
  {
    name: "#31b RF with two digits swapped fails mod-97 → reference ignored, falls back to IBAN + amount",
    transaction: tx({ amount: "77.00", purpose: "RF18 5390 0754 7043", counterpartIban: IBAN_MUSTER }),
    openItems: [item({ orderId: "o_rf", paymentReference: "RF18 5390 0754 7034", outstanding: "77.00", ...muster }), item({ orderId: "o_b", outstanding: "77.00" })],
    decision: "auto", allocations: "o_rf=77.00", lacksSignals: ["payment_reference"], hasSignals: ["iban"],
  },
  {
    name: "#41 'INV-12' must not also hit INV-1",
    transaction: tx({ purpose: "INV-12" }),
    openItems: [item({ orderId: "o_1", invoiceNumber: "INV-1", displayId: 1 }), item({ orderId: "o_12", invoiceNumber: "INV-12", displayId: 12 })],
    decision: "auto", allocations: "o_12=100.00",
  },
  {
    name: "#42 'Bestellung 100234' before any invoice, new customer, order total → auto (prepayment)",
    transaction: tx({ amount: "249.90", purpose: "Bestellung 100234", counterpartName: "Neu Kunde" }),
    openItems: [item({ orderId: "o_100234", displayId: 100234, outstanding: "249.90" }), item({ orderId: "o_100235", displayId: 100235, outstanding: "249.90" })],
    decision: "auto", allocations: "o_100234=249.90",
  },
  {
    name: "#43 reference only: many equal-priced orders of one customer, the cart reference decides → auto",
    transaction: tx({ amount: "29.00", purpose: "cart_8f3k2j", counterpartIban: IBAN_MUSTER }),
    openItems: ["cart_1a2b3c", "cart_8f3k2j", "cart_zz9y8x"].map((ref, i) => item({ orderId: `o_${i}`, paymentReference: ref, outstanding: "29.00", ...muster })),
    decision: "auto", allocations: "o_1=29.00",
  },
  {
    name: "#44 1243.00 paid for 1234.00 (transposed digits) → suggest only",
    transaction: tx({ amount: "1243.00", purpose: "RE-2026-0100" }),
    openItems: [item({ orderId: "o_1", invoiceNumber: "RE-2026-0100", outstanding: "1234.00" })],
    decision: "suggest", allocations: "o_1=1234.00", detail: /transposed/,
  },
  {
    name: "#45 parent company pays a subsidiary's invoice → match the invoice",
    transaction: tx({ amount: "500.00", purpose: "RE-2026-0200", counterpartName: "Muster Holding", counterpartIban: IBAN_MUSTER }),
    openItems: [item({ orderId: "o_sub", invoiceNumber: "RE-2026-0200", outstanding: "500.00", customerId: "cus_sub", companyName: "Muster Tochter GmbH" }), item({ orderId: "o_parent", outstanding: "80.00", ...muster })],
    decision: "auto", allocations: "o_sub=500.00",
  },
  {
    name: "#46 invoice from 20 months ago is still found",
    transaction: tx({ purpose: "RE-2025-0009", valueDate: "2026-11-02" }),
    openItems: [item({ orderId: "o_old", invoiceNumber: "RE-2025-0009", createdAt: "2025-03-01" }), ...noise],
    decision: "auto", allocations: "o_old=100.00",
  },
]

describe("matching scenarios from RECONCILIATION-NOTES.md (c)", () => {
  it.each(cases)("$name", (scenario) => {
    const result = matchOne(scenario.transaction, scenario.openItems, scenario.options)
    if (scenario.decision === "not auto") {
      expect(result.decision).not.toBe("auto")
    } else {
      expect(result.decision).toBe(scenario.decision)
    }
    if (scenario.allocations !== undefined) {
      expect(allocated(result)).toBe(scenario.allocations)
    }
    for (const signal of scenario.hasSignals ?? []) {
      expect(signals(result)).toContain(signal)
    }
    for (const signal of scenario.lacksSignals ?? []) {
      expect(signals(result)).not.toContain(signal)
    }
    if (scenario.detail) {
      expect(result.reasons.map((reason) => reason.detail).join(" | ")).toMatch(scenario.detail)
    }
  })
})
