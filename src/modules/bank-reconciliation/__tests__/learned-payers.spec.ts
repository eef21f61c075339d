import { normalizeLearned, payerLessons } from "../learned-payers"

const transaction = { id: "btx_1", counterpart_iban: "de02 5001 0517 0137 0750 30", counterpart_name: "  Holzwerkstatt   Nord " }

describe("what an operator's assignment teaches", () => {
  it("the payer IBAN (normalised) and the payer name, for the one customer the payment went to", () => {
    expect(payerLessons({ transaction, customerIds: ["cus_1", "cus_1"], learnedFrom: "manual", actorId: "user_1" })).toEqual([
      { customer_id: "cus_1", kind: "iban", value: "DE02500105170137075030", normalized: "DE02500105170137075030", learned_from: "manual", transaction_id: "btx_1", created_by: "user_1" },
      { customer_id: "cus_1", kind: "name", value: "Holzwerkstatt Nord", normalized: "holzwerkstatt nord", learned_from: "manual", transaction_id: "btx_1", created_by: "user_1" },
    ])
  })

  it("nothing when the payment went to several customers or to orders without a customer", () => {
    expect(payerLessons({ transaction, customerIds: ["cus_1", "cus_2"], learnedFrom: "manual" })).toEqual([])
    expect(payerLessons({ transaction, customerIds: [null], learnedFrom: "confirmed" })).toEqual([])
  })

  it("skips a missing or implausible IBAN and a name without letters", () => {
    const lessons = payerLessons({ transaction: { id: "btx_2", counterpart_iban: "123", counterpart_name: "0815" }, customerIds: ["cus_1"], learnedFrom: "confirmed" })
    expect(lessons).toEqual([])
  })

  it("compares removals the way lessons are stored", () => {
    expect(normalizeLearned("iban", "DE02 5001 0517 0137 0750 30")).toBe("DE02500105170137075030")
    expect(normalizeLearned("name", " Holzwerkstatt  NORD")).toBe("holzwerkstatt nord")
  })
})
