import { readFileSync } from "node:fs"
import { join } from "node:path"

import { REASON_CODES } from "../reasons"
import { IBAN_MUSTER, item, matchOne, tx } from "./build"

const ADMIN_I18N = join(__dirname, "../../../../admin/i18n/json")

describe("reason codes", () => {
  it.each(["en", "de"])("has a %s sentence in the admin for every code", (language) => {
    const evidence = JSON.parse(readFileSync(join(ADMIN_I18N, `${language}.json`), "utf8")).finapi.evidence
    expect(REASON_CODES.filter((code) => typeof evidence[code] !== "string")).toEqual([])
  })

  it("only ever returns listed codes", () => {
    const muster = { customerId: "cus_m", customerName: "Max Muster", knownIbans: [IBAN_MUSTER] }
    const openItems = [item({ orderId: "o_1", displayId: 1042, invoiceNumber: "RE-1042", outstanding: "100.00", ...muster }), item({ orderId: "o_2", displayId: 1043, outstanding: "100.00", ...muster })]
    const payments = [
      tx({ purpose: "RE-1042", counterpartIban: IBAN_MUSTER, counterpartName: "Max Muster" }),
      tx({ amount: "98.00", purpose: "Rechnung RE-1042" }),
      tx({ amount: "100.00", counterpartIban: IBAN_MUSTER }),
      tx({ amount: "150.00", purpose: "Bestellungen 1042, 1043", counterpartName: "Muster" }),
    ]
    const codes = payments.flatMap((payment) => matchOne(payment, openItems).reasons.flatMap((r) => [r.code, ...(r.more ?? []).map((m) => m.code)]))
    expect(codes.length).toBeGreaterThan(6)
    expect(codes.filter((code) => !(REASON_CODES as readonly string[]).includes(code))).toEqual([])
  })
})
