import { demoOrder, euros, FLOW_ORDERS, paymentsFor } from "./demo-state"
import type { FlowContext } from "./flow-context"

/**
 * Booking: the confirmed payments (one of this flow's own, assigned by the engine, and whatever
 * other flows confirmed) are listed by customer with totals; shown as a list, all are selected and
 * booked; each line reports booked with "Open order", and the order's widget shows the booked bank
 * payment.
 */
export async function bookPaymentsFlow(flow: FlowContext) {
  const { demo, page, shot } = flow
  const order = demoOrder(FLOW_ORDERS.bookPayments)
  await paymentsFor(flow, [{ amount: euros(order.totalCents), purpose: `Bestellung ${order.invoice} Buchungstest`, counterpartName: order.payer }])
  await page.goto(`${demo.adminUrl}/incoming-payments/booking`)
  await page.getByRole("heading", { name: "Booking" }).first().waitFor({ timeout: 120_000 })
  await page.getByTestId("finapi-booking-group").first().waitFor({ timeout: 60_000 })
  await shot(page, "booking-by-customer")

  await page.getByLabel("Group").click()
  await page.getByRole("option", { name: "As a list" }).click()
  await page.getByTestId("finapi-booking-order").first().waitFor()
  await page.getByLabel("Select all shown").click()
  await page.getByTestId("finapi-start-booking").click()
  await page.getByText(/\d+ booked, 0 failed/).waitFor({ timeout: 300_000 }) // the demo statement adds ~15 lines
  const results = page.getByTestId("finapi-booking-result")
  await results.first().waitFor()
  expect(await results.filter({ hasText: "Open order" }).count()).toBe(await results.count())
  await shot(page, "booked")

  await results.first().getByText("Open order").click()
  const widget = page.getByTestId("finapi-order-bank-payments")
  await widget.waitFor({ timeout: 60_000 })
  await widget.getByText("Booked").first().waitFor()
  await shot(page, "order-widget")
}
