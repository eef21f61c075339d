import { planTransaction, summarisePlans, type ExistingAssignment } from "../auto-assign-plan"
import type { MatchResult } from "../matching"

function result(overrides: Partial<MatchResult> = {}): MatchResult {
  return {
    transactionId: "btx_1",
    decision: "suggest",
    confidence: 0.6,
    allocations: [{ orderId: "order_1", amount: "87.50" }],
    reasons: [{ signal: "name", detail: "payer name matches Jonas Brenner", code: "name_full", params: { customer: "Jonas Brenner" } }],
    alternatives: [],
    ...overrides,
  }
}

const context = (existing: ExistingAssignment[] = []) => ({
  currencyOf: () => "eur",
  customerOf: (orderId: string) => (orderId === "order_1" ? "cus_1" : null),
  existingOf: () => existing,
})

describe("planning auto-assign changes", () => {
  it("confirms an auto decision at once and keeps a suggestion as a proposal, both with confidence and evidence", () => {
    const auto = planTransaction(result({ decision: "auto", confidence: 0.97 }), context())
    expect(auto.create).toEqual([
      expect.objectContaining({ order_id: "order_1", customer_id: "cus_1", amount: "87.50", status: "confirmed", source: "auto", confidence: 0.97 }),
    ])
    expect(auto.create[0].evidence.reasons).toEqual([{ signal: "name", detail: "payer name matches Jonas Brenner", code: "name_full", params: { customer: "Jonas Brenner" } }])
    expect(planTransaction(result(), context()).create).toEqual([expect.objectContaining({ status: "proposed" })])
  })

  it("changes nothing when the same suggestion is already proposed", () => {
    const plan = planTransaction(result(), context([{ id: "pasg_1", order_id: "order_1", amount: "87.5", status: "proposed" }]))
    expect(plan).toMatchObject({ create: [], remove: [] })
  })

  it("replaces a stale proposal with the new answer, and drops it when there is no answer any more", () => {
    const stale: ExistingAssignment[] = [{ id: "pasg_1", order_id: "order_2", amount: "87.50", status: "proposed" }]
    expect(planTransaction(result(), context(stale))).toMatchObject({ remove: ["pasg_1"], create: [expect.objectContaining({ order_id: "order_1" })] })
    expect(planTransaction(result({ decision: "none", allocations: [] }), context(stale))).toMatchObject({ decision: "none", remove: ["pasg_1"], create: [] })
  })

  it("never proposes an order the operator turned down for this payment, and lets a human decide the rest", () => {
    const rejected: ExistingAssignment[] = [{ id: "pasg_1", order_id: "order_1", amount: "50.00", status: "rejected" }]
    expect(planTransaction(result({ decision: "auto" }), context(rejected))).toMatchObject({ decision: "none", create: [] })
    const split = result({ decision: "auto", allocations: [{ orderId: "order_1", amount: "50.00" }, { orderId: "order_2", amount: "37.50" }] })
    const plan = planTransaction(split, context(rejected))
    expect(plan.decision).toBe("suggest")
    expect(plan.create).toEqual([expect.objectContaining({ order_id: "order_2", status: "proposed" })])
  })

  it("counts automatic assignments kept as proposals among the suggestions", () => {
    const plans = [
      planTransaction(result({ transactionId: "a", decision: "auto" }), context()),
      planTransaction(result({ transactionId: "b", decision: "auto" }), context()),
      planTransaction(result({ transactionId: "c" }), context()),
      planTransaction(result({ transactionId: "d", decision: "none", allocations: [] }), context()),
    ]
    expect(summarisePlans(plans, ["b"])).toEqual({ considered: 4, auto: 1, suggested: 2, unmatched: 1 })
  })
})
