import { searchOpenItems } from "../open-item-search"
import type { OpenItemInput } from "../matching"

const item = (orderId: string, displayId: number, outstanding: string, extra: Partial<OpenItemInput> = {}): OpenItemInput => ({
  orderId,
  displayId,
  invoiceNumber: `INV-${displayId}`,
  paymentReference: null,
  customerId: `cus_${displayId}`,
  customerName: "Erika Mustermann",
  currency: "EUR",
  total: outstanding,
  outstanding,
  createdAt: `2026-11-${String(displayId % 28 + 1).padStart(2, "0")}`,
  ...extra,
})

const items = [
  item("o12", 12, "49.90", { paymentReference: "RF18K7QMXBZC" }),
  item("o2", 2, "119.00", { customerName: "Jonas Brenner", companyName: "Brenner Kaffee GmbH" }),
  item("o1", 1, "49.90", { total: "99.80" }),
]

describe("searching open orders", () => {
  it("finds an order by its number first, then others containing it", () => {
    expect(searchOpenItems(items, { q: "#2" }).map((i) => i.orderId)).toEqual(["o2", "o12"])
    expect(searchOpenItems(items, { q: "inv-12" }).map((i) => i.orderId)).toEqual(["o12"])
  })

  it("finds by name, company or reference regardless of case and spacing", () => {
    expect(searchOpenItems(items, { q: "brenner kaffee" }).map((i) => i.orderId)).toEqual(["o2"])
    expect(searchOpenItems(items, { q: "rf18 k7qm-xbzc" }).map((i) => i.orderId)).toEqual(["o12"])
  })

  it("finds by amount on what is outstanding or the total, outstanding first", () => {
    expect(searchOpenItems(items, { amount: "99.8" }).map((i) => i.orderId)).toEqual(["o1"])
    expect(searchOpenItems(items, { amount: "49.90", customer_id: "cus_1" }).map((i) => i.orderId)).toEqual(["o1"])
  })
})
