import fc from "fast-check"

import { parseCents } from "../amounts"
import { createRf } from "../iso11649"
import { matchTransactions } from "../index"
import { DEFAULT_OPTIONS } from "../options"
import type { BankTransactionInput, MatchInput, OpenItemInput } from "../types"

const NAMES = ["Erika Mustermann", "Hans Müller", "Muster GmbH", "Jackson Ella", "Anna Schmidt"]
const IBANS = ["DE89370400440532013000", "DE02120300000000202051", "DE02500105170137075030", "DE88100900001234567893", "DE12500105170648489890"]
const PRICES = [999, 1999, 5000, 11900, 25000, 11900]

type World = {
  orders: { customer: number; price: number; paidPart: number }[]
  transactions: { target: number; second: number; style: string; delta: number; payer: number }[]
}

const worldArb: fc.Arbitrary<World> = fc.record({
  orders: fc.array(fc.record({ customer: fc.nat(4), price: fc.constantFrom(...PRICES), paidPart: fc.nat(2) }), { minLength: 1, maxLength: 12 }),
  transactions: fc.array(
    fc.record({
      target: fc.nat(),
      second: fc.nat(),
      style: fc.constantFrom("rf", "invoice", "order", "bare", "plz", "none", "two"),
      delta: fc.constantFrom(0, 0, 1, -1, -200, 300, -5000),
      payer: fc.nat(5),
    }),
    { minLength: 1, maxLength: 8 }
  ),
})

function cents(value: number): string {
  return `${Math.floor(value / 100)}.${String(value % 100).padStart(2, "0")}`
}

/** Turns a generated world into engine input: realistic references, payers and amounts. */
function toInput(world: World): MatchInput {
  const openItems: OpenItemInput[] = world.orders.map((order, i) => {
    const outstanding = order.paidPart === 2 ? Math.floor(order.price / 2) : order.price
    return {
      orderId: `order_${String(i).padStart(3, "0")}`,
      displayId: 1000 + i,
      invoiceNumber: `RE-2026-${String(1000 + i).padStart(4, "0")}`,
      paymentReference: createRf(String(1000 + i)),
      customerId: `cus_${order.customer}`,
      customerName: NAMES[order.customer],
      knownIbans: order.customer < 4 ? [IBANS[order.customer]] : [],
      currency: "EUR",
      total: cents(order.price),
      outstanding: cents(outstanding),
      createdAt: "2026-10-30",
    }
  })
  const transactions: BankTransactionInput[] = world.transactions.map((t, i) => {
    const target = openItems[t.target % openItems.length]
    const other = openItems[t.second % openItems.length]
    const owed = parseCents(target.outstanding)!
    const amount = Math.max(1, owed + (t.style === "two" ? parseCents(other.outstanding)! : 0) + t.delta)
    const purposes: Record<string, string> = {
      rf: target.paymentReference!, invoice: `Rechnung ${target.invoiceNumber}`, order: `Bestellung ${target.displayId}`,
      bare: `${target.displayId} danke`, plz: "Lieferung 10115 Berlin", none: "Danke", two: `RE ${target.displayId}, ${other.displayId}`,
    }
    return {
      id: `t-${i}`, amount: cents(amount), currency: "EUR", bookingDate: "2026-11-02", valueDate: "2026-11-02",
      purpose: purposes[t.style], counterpartName: NAMES[t.payer] ?? null, counterpartIban: IBANS[t.payer] ?? null,
    }
  })
  return { transactions, openItems }
}

function shuffle<T>(items: T[], seeds: number[]): T[] {
  const copy = [...items]
  for (let i = copy.length - 1; i > 0; i--) {
    const j = (seeds[i % Math.max(1, seeds.length)] ?? 0) % (i + 1)
    ;[copy[i], copy[j]] = [copy[j], copy[i]]
  }
  return copy
}

describe("matching properties", () => {
  it("never allocates more than the transaction or an order's outstanding amount", () => {
    fc.assert(fc.property(worldArb, (world) => {
      const input = toInput(world)
      const outstanding = new Map(input.openItems.map((o) => [o.orderId, parseCents(o.outstanding)!]))
      const output = matchTransactions(input)
      expect(output.results).toHaveLength(input.transactions.length)
      output.results.forEach((result, i) => {
        expect(result.transactionId).toBe(input.transactions[i].id)
        const lists = [result.allocations, ...result.alternatives.map((a) => a.allocations)]
        for (const allocations of lists) {
          const total = allocations.reduce((sum, a) => sum + parseCents(a.amount)!, 0)
          const overdrawn = allocations.filter((a) => !(parseCents(a.amount)! > 0 && parseCents(a.amount)! <= outstanding.get(a.orderId)!))
          expect(total <= parseCents(input.transactions[i].amount)!).toBe(true)
          expect(new Set(allocations.map((a) => a.orderId)).size).toBe(allocations.length)
          expect(overdrawn).toEqual([])
        }
        expect(result.confidence).toBeGreaterThanOrEqual(0)
        expect(result.confidence).toBeLessThanOrEqual(1)
        if (result.decision === "none") {
          expect(result.allocations).toEqual([])
        } else {
          expect(result.allocations.length).toBeGreaterThan(0)
        }
      })
    }), { numRuns: 300 })
  })

  it("gives the same output for the same input", () => {
    fc.assert(fc.property(worldArb, (world) => {
      const input = toInput(world)
      expect(matchTransactions(structuredClone(input))).toEqual(matchTransactions(structuredClone(input)))
    }), { numRuns: 100 })
  })

  it("decides the same whatever the order of transactions and open items", () => {
    fc.assert(fc.property(worldArb, fc.array(fc.nat(), { minLength: 1, maxLength: 20 }), (world, seeds) => {
      const input = toInput(world)
      const shuffled = { transactions: shuffle(input.transactions, seeds), openItems: shuffle(input.openItems, [...seeds].reverse()) }
      const byId = (output: ReturnType<typeof matchTransactions>) => new Map(output.results.map((r) => [r.transactionId, r]))
      const before = byId(matchTransactions(input))
      const after = byId(matchTransactions(shuffled))
      for (const [id, result] of before) {
        expect(after.get(id)).toEqual(result)
      }
    }), { numRuns: 200 })
  })

  it("scores every auto result at or above the auto threshold and above every suggestion's cap", () => {
    fc.assert(fc.property(worldArb, (world) => {
      for (const result of matchTransactions(toInput(world)).results) {
        if (result.decision === "auto") {
          expect(result.confidence).toBeGreaterThanOrEqual(DEFAULT_OPTIONS.autoThreshold)
        } else {
          expect(result.confidence).toBeLessThan(DEFAULT_OPTIONS.autoThreshold)
        }
      }
    }), { numRuns: 100 })
  })
})

/** A shop customer nobody in the generated worlds is named like, with an order of one of the usual prices. */
const strangerArb = fc.record({
  name: fc.constantFrom("Quirin Zebulon", "Xaver Yilmaz-Okonkwo", "Fjord Kontor KG"),
  price: fc.constantFrom(...PRICES),
  displayId: fc.integer({ min: 5000, max: 5999 }),
  withIban: fc.boolean(),
})

describe("matching properties: evidence that must not flip a decision", () => {
  it("adding an unrelated order never turns a result into a different auto", () => {
    fc.assert(fc.property(worldArb, strangerArb, (world, stranger) => {
      const input = toInput(world)
      const unrelated: OpenItemInput = {
        orderId: "order_zzz", displayId: stranger.displayId, invoiceNumber: `RE-2026-${stranger.displayId}`,
        paymentReference: createRf(String(stranger.displayId)), customerId: "cus_stranger", customerName: stranger.name,
        knownIbans: stranger.withIban ? ["DE75512108001245126199"] : [], currency: "EUR", total: cents(stranger.price),
        outstanding: cents(stranger.price), createdAt: "2026-10-30",
      }
      const before = matchTransactions(input).results
      const after = matchTransactions({ ...input, openItems: [...input.openItems, unrelated] }).results
      after.forEach((result, i) => {
        if (result.decision === "auto") {
          expect(before[i].decision).toBe("auto")
          expect(result.allocations).toEqual(before[i].allocations)
        }
      })
    }), { numRuns: 300 })
  })

  const contradictionArb = fc.record({
    style: fc.constantFrom("rf", "invoice", "order", "bare"),
    price: fc.constantFrom(...PRICES),
    named: fc.integer({ min: 20000, max: 29999 }),
    own: fc.integer({ min: 20000, max: 29999 }),
    payerByIban: fc.boolean(),
    extraOrders: fc.nat(3),
  })

  it("a payer who is another customer owing the same amount never gets the number-matched order automatically", () => {
    fc.assert(fc.property(contradictionArb, ({ style, price, named, own, payerByIban, extraOrders }) => {
      fc.pre(named !== own)
      const make = (displayId: number, customerId: string, customerName: string, knownIbans: string[], outstanding: number): OpenItemInput => ({
        orderId: `order_${displayId}`, displayId, invoiceNumber: `RE-2026-${displayId}`, paymentReference: createRf(String(displayId)),
        customerId, customerName, knownIbans, currency: "EUR", total: cents(outstanding), outstanding: cents(outstanding), createdAt: "2026-10-30",
      })
      const openItems = [
        make(named, "cus_named", "Dieter Wolf", [], price),
        make(own, "cus_payer", "Petra Lang", payerByIban ? [IBANS[1]] : [], price),
        ...Array.from({ length: extraOrders }, (_, k) => make(30000 + k, `cus_extra_${k}`, NAMES[k], [], PRICES[k])),
      ]
      const purpose = { rf: createRf(String(named)), invoice: `RE-2026-${named}`, order: `Bestellung ${named}`, bare: `${named}` }[style]
      const transaction: BankTransactionInput = {
        id: "t-1", amount: cents(price), currency: "EUR", purpose, counterpartName: payerByIban ? "P. Lang" : "PETRA LANG",
        counterpartIban: payerByIban ? IBANS[1] : "DE75512108001245126199",
      }
      const [result] = matchTransactions({ transactions: [transaction], openItems }).results
      expect(result.decision).not.toBe("auto")
    }), { numRuns: 300 })
  })
})
