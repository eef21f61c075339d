import { planBooking, type BookingCollection, type BookingOrder } from "../booking-plan"

const eur = (amount: number | string) => ({ amount, currency_code: "eur" })

function order(pending: number | string, collections: BookingCollection[], extra: Partial<BookingOrder> = {}): BookingOrder {
  return { id: "order_1", display_id: 7, currency_code: "eur", summary: { pending_difference: pending }, payment_collections: collections, ...extra }
}

const bankTransferSession = { id: "payses_bt", provider_id: "pp_bank-transfer_bank-transfer", status: "pending_authorization", amount: 119 }

describe("planBooking", () => {
  it("authorizes the waiting bank-transfer session and captures the full payment", () => {
    const plan = planBooking(order(119, [{ id: "paycol_1", status: "awaiting", amount: 119, payment_sessions: [bankTransferSession] }]), eur(119))
    expect(plan).toEqual({ mode: "bank_transfer", payment_collection_id: "paycol_1", payment_id: null, payment_session_id: "payses_bt", amount: "119.00", booked_amount: "119.00", rounding: "0.00", surplus: "0.00", system_session: null })
  })

  it("captures a partial payment partially and leaves no surplus", () => {
    const plan = planBooking(order(119, [{ id: "paycol_1", status: "awaiting", amount: 119, payment_sessions: [bankTransferSession] }]), eur("50.5"))
    expect(plan).toMatchObject({ mode: "bank_transfer", amount: "50.50", surplus: "0.00" })
  })

  it("captures only what is owed from an overpayment and reports the surplus", () => {
    const plan = planBooking(order("69", [{ id: "paycol_1", status: "authorized", amount: 119, payments: [{ id: "pay_1", provider_id: "pp_system_default", amount: 119, captures: [{ amount: 50 }] }] }]), eur(100))
    expect(plan).toMatchObject({ mode: "capture_authorized", payment_id: "pay_1", amount: "69.00", surplus: "31.00" })
  })

  it("refuses to capture a card authorization with a transfer, saying what to do, unless the provider is listed as capturable", () => {
    const cardOrder = order(119, [{ id: "paycol_1", status: "authorized", amount: 119, payment_sessions: [bankTransferSession], payments: [{ id: "pay_card", provider_id: "pp_stripe_stripe", amount: 119, captures: [] }] }], { display_id: 1042 })
    expect(planBooking(cardOrder, eur(119))).toEqual({
      refused: "Order #1042 is authorized by stripe (pp_stripe_stripe); cancel that authorization or refund the transfer.",
    })
    expect(planBooking(cardOrder, eur(119), ["pp_bank-transfer", "pp_stripe"])).toMatchObject({ mode: "capture_authorized", payment_id: "pay_card", amount: "119.00" })
  })

  it("captures an authorized payment of the plugin's provider (any registration) or the system provider", () => {
    for (const provider_id of ["pp_bank-transfer_shop2", "pp_system_default"]) {
      const plan = planBooking(order(119, [{ id: "paycol_1", status: "authorized", amount: 119, payments: [{ id: "pay_1", provider_id, amount: 119, captures: [] }] }]), eur(119))
      expect(plan).toMatchObject({ mode: "capture_authorized", payment_id: "pay_1" })
    }
  })

  it("skips canceled and fully captured payments", () => {
    const plan = planBooking(
      order(119, [
        { id: "paycol_old", status: "canceled", amount: 119, payments: [{ id: "pay_c", provider_id: "pp_x", amount: 119, canceled_at: "2026-01-01", captures: [] }] },
        { id: "paycol_new", status: "not_paid", amount: 119 },
      ]),
      eur(119)
    )
    expect(plan).toMatchObject({ mode: "mark_paid", payment_collection_id: "paycol_new" })
  })

  it("marks a not_paid collection paid for an exact full payment, and opens a system session for less", () => {
    const collections = [{ id: "paycol_1", status: "not_paid", amount: 119 }]
    expect(planBooking(order(119, collections), eur(119))).toMatchObject({ mode: "mark_paid", amount: "119.00" })
    expect(planBooking(order(119, collections), eur(19))).toMatchObject({ mode: "system_session", amount: "19.00" })
    expect(planBooking(order(119, collections), eur(150))).toMatchObject({ mode: "mark_paid", amount: "119.00", surplus: "31.00" })
  })

  it("opens the system session for the whole collection, in its currency, replacing the sessions it has", () => {
    const collections = [{ id: "paycol_1", status: "not_paid", amount: "119", currency_code: "eur", payment_sessions: [{ id: "payses_old", provider_id: "pp_stripe", status: "pending", amount: 119 }] }]
    expect(planBooking(order(119, collections), eur(19))).toMatchObject({
      mode: "system_session",
      system_session: { amount: "119.00", currency_code: "eur", replaces: ["payses_old"] },
    })
  })

  it("refuses, saying what to do, when the order owes nothing, has no payment or another currency", () => {
    expect(planBooking(order(0, [{ id: "paycol_1", status: "completed", amount: 119 }]), eur(10))).toEqual({
      refused: "Order #7 owes nothing any more; remove this assignment, the payment stays open for another order or a refund.",
    })
    expect(planBooking(order(119, []), eur(10))).toMatchObject({ refused: expect.stringMatching(/create a payment collection/) })
    expect(planBooking(order(119, []), { amount: 10, currency_code: "usd" })).toMatchObject({ refused: expect.stringMatching(/in USD but order #7 in EUR/) })
  })

  it("computes with decimals exactly", () => {
    const plan = planBooking(order("0.3", [{ id: "paycol_1", status: "not_paid", amount: "0.3" }]), eur("0.1"))
    expect(plan).toMatchObject({ mode: "system_session", amount: "0.10", surplus: "0.00" })
    expect(planBooking(order("0.3", [{ id: "paycol_1", status: "not_paid", amount: "0.3" }]), eur("0.30"))).toMatchObject({ mode: "mark_paid" })
  })

  it("books an amount with more than the currency's decimals in full: captures in the currency's precision, keeps the exact amount", () => {
    const awaiting = (owed: string) => order(owed, [{ id: "paycol_1", status: "awaiting", amount: owed, payment_sessions: [{ ...bankTransferSession, amount: owed }] }])
    // half a cent more than owed: the order is paid, the assignment books all 10.005
    expect(planBooking(awaiting("10.00"), eur("10.005"))).toMatchObject({ amount: "10.00", booked_amount: "10.005", surplus: "0.00", rounding: "0.005" })
    // half a cent less than owed: commercial rounding to the cent settles the order
    expect(planBooking(awaiting("10.01"), eur("10.005"))).toMatchObject({ amount: "10.01", booked_amount: "10.005", surplus: "0.00", rounding: "-0.005" })
    // a real overpayment still leaves its surplus, exactly
    expect(planBooking(awaiting("119"), eur("150.005"))).toMatchObject({ amount: "119.00", booked_amount: "119.00", surplus: "31.005", rounding: "0.00" })
    // two payments of one order: 59.505 then 59.495 leave nothing owed and nothing unbooked
    expect(planBooking(awaiting("59.49"), eur("59.495"))).toMatchObject({ amount: "59.49", booked_amount: "59.495", surplus: "0.00" })
  })

  it("refuses an amount below the currency's smallest unit", () => {
    expect(planBooking(order(119, [{ id: "paycol_1", status: "not_paid", amount: 119 }]), eur("0.004"))).toMatchObject({ refused: expect.stringMatching(/less than 0.01 EUR/) })
  })
})
