import type { Page } from "playwright-core"
import { demoCustomers } from "../../../demo/app/src/seed/data/customers"
import { demoOrders } from "../../../demo/app/src/seed/data/orders"
import { statementOrderIndexes } from "../../../demo/app/src/seed/data/bank-statement"
import { addBankPayments, girokontoFinapiId, paymentRow } from "./demo-bank"
import type { FlowContext } from "./flow-context"

const euros = (cents: number) => Number((cents / 100).toFixed(2))

/** Demo order `index` (0-based): on a fresh demo its display id is index + 1, its invoice INV-(index + 1). */
function demoOrder(index: number) {
  const order = demoOrders[index]
  const customer = demoCustomers.find((c) => c.key === order.customerKey)!
  return { displayId: index + 1, totalCents: order.totalCents, payer: `${customer.first_name} ${customer.last_name}`, customerKey: customer.key }
}

/** A demo customer with exactly one order that the demo statement leaves open: a payment from them with the right amount is a fair suggestion. */
function loneOrderIndex(taken: number[]): number {
  const skip = [...taken, ...statementOrderIndexes]
  const counts = new Map<string, number>()
  demoOrders.forEach((o) => counts.set(o.customerKey, (counts.get(o.customerKey) ?? 0) + 1))
  const index = demoOrders.findIndex((o, i) => !skip.includes(i) && counts.get(o.customerKey) === 1)
  return index >= 0 ? index : demoOrders.findIndex((_, i) => !skip.includes(i))
}

async function openDrawerOf(page: Page, purpose: string) {
  await page.getByPlaceholder("Search payer, IBAN, purpose").fill(purpose)
  await paymentRow(page, purpose).waitFor({ timeout: 30_000 })
  await paymentRow(page, purpose).getByTestId("finapi-assign-open").click()
  await page.getByRole("heading", { name: "Assign payment" }).waitFor()
}

/**
 * Incoming payments: payments for demo orders arrive at the linked bank; "Get data" imports them
 * (auto-assign runs on the import), "Assign automatically" reports, the operator confirms a
 * suggestion and assigns one payment by hand to two orders. Needs the bank linked by the
 * online-banking flow.
 */
export async function assignPaymentsFlow({ demo, page, shot }: FlowContext) {
  const exact = demoOrder(0)
  const lone = demoOrder(loneOrderIndex([0, 1, 2]))
  const first = demoOrder(1)
  const second = demoOrder(2)
  const purposes = {
    exact: `Rechnung INV-${exact.displayId} vielen Dank`,
    suggestion: "Danke fuer die schnelle Lieferung",
    split: "Sammelueberweisung Buchhaltung",
  }
  await page.goto(`${demo.adminUrl}/incoming-payments`)
  await page.getByRole("heading", { name: "Incoming payments" }).first().waitFor({ timeout: 120_000 })
  await addBankPayments(demo.sandboxUrl, await girokontoFinapiId(page, demo.adminUrl), [
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
