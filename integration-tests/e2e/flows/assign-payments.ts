import type { Page } from "playwright-core"
import { paymentRow } from "./demo-bank"
import { addBankPayments, demoOrder, ensureLinkedGirokonto, euros, FLOW_ORDERS } from "./demo-state"
import type { FlowContext } from "./flow-context"

async function openDrawerOf(page: Page, purpose: string) {
  await page.getByPlaceholder("Search payer, IBAN, purpose").fill(purpose)
  await paymentRow(page, purpose).waitFor({ timeout: 30_000 })
  await paymentRow(page, purpose).getByTestId("finapi-assign-open").click()
  await page.getByRole("heading", { name: "Assign payment" }).waitFor()
}

/**
 * Incoming payments: payments for demo orders arrive at the linked bank; "Get data" imports them
 * (auto-assign runs on the import), "Assign automatically" reports, the operator confirms a
 * suggestion and assigns one payment by hand to two orders. Links the Girokonto if no flow has yet.
 */
export async function assignPaymentsFlow(flow: FlowContext) {
  const { demo, page, shot } = flow
  const exact = demoOrder(FLOW_ORDERS.assignExact)
  const lone = demoOrder(FLOW_ORDERS.assignSuggestion)
  const [first, second] = FLOW_ORDERS.assignSplit.map(demoOrder)
  const giro = await ensureLinkedGirokonto(flow)
  const purposes = {
    exact: `Rechnung INV-${exact.displayId} vielen Dank`,
    suggestion: "Danke fuer die schnelle Lieferung",
    split: "Sammelueberweisung Buchhaltung",
  }
  await page.goto(`${demo.adminUrl}/incoming-payments`)
  await page.getByRole("heading", { name: "Incoming payments" }).first().waitFor({ timeout: 120_000 })
  await addBankPayments(demo.sandboxUrl, giro.finapiAccountId, [
    { amount: euros(exact.totalCents), purpose: purposes.exact, counterpartName: exact.payer },
    { amount: euros(lone.totalCents), purpose: purposes.suggestion, counterpartName: lone.payer },
    { amount: euros(first.totalCents + second.totalCents), purpose: purposes.split, counterpartName: "Externe Buchhaltung GmbH" },
  ])

  await page.getByRole("button", { name: "Get data" }).click()
  await page.getByRole("button", { name: "Import", exact: true }).click()
  await paymentRow(page, purposes.exact).waitFor({ timeout: 120_000 })
  await shot(page, "imported")

  await page.getByRole("button", { name: "Assign automatically" }).click()
  await page.getByText("Automatic assignment finished").waitFor({ timeout: 60_000 })
  await shot(page, "assigned-automatically")
  await paymentRow(page, purposes.exact).getByText(`#${exact.displayId}`).waitFor()

  // review the suggestion: evidence and confidence, then confirm
  await openDrawerOf(page, purposes.suggestion)
  const suggestion = page.getByTestId("finapi-assignment-row").first()
  await suggestion.getByText("Suggestion").first().waitFor({ timeout: 30_000 })
  await shot(page, "suggestion-review")
  await suggestion.getByRole("button", { name: "Confirm" }).click()
  await page.getByText("Suggestion confirmed").waitFor()
  await page.getByTestId("finapi-assignment-row").first().getByText("Assigned").first().waitFor()
  await page.keyboard.press("Escape")

  // one payment for two orders, by hand
  await openDrawerOf(page, purposes.split)
  for (const order of [first, second]) {
    await page.getByLabel("Open order").fill(String(order.displayId))
    const hit = page.getByTestId("finapi-open-order").filter({ hasText: `#${order.displayId} ·` }).first()
    await hit.getByRole("button", { name: "Add" }).click()
  }
  await page.getByTestId("finapi-assign-row").nth(1).waitFor()
  await shot(page, "manual-two-orders")
  await page.getByTestId("finapi-assign-save").click()
  await page.getByText("Payment assigned").waitFor().catch(async (error) => {
    await shot(page, "manual-assign-failed")
    throw error
  })
  await page.getByTestId("finapi-assignment-row").nth(1).waitFor()
  expect(await page.getByTestId("finapi-assignment-row").count()).toBe(2)
  await shot(page, "manual-assigned")
  await page.keyboard.press("Escape")
}
