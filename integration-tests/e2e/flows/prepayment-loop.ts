import type { Page } from "playwright-core"
import { demoCustomers } from "../../../demo/app/src/seed/data/customers"
import { demoPrepaymentOrders } from "../../../demo/app/src/seed/data/prepayment-orders"
import type { FlowContext } from "./flow-context"

type AdminOrder = { id: string; display_id: number; email: string; status: string }

/** The demo's bank-transfer order `key` (data/prepayment-orders.ts), found by its customer's e-mail (they have no other order). */
async function prepaymentOrder(page: Page, adminUrl: string, key: string): Promise<AdminOrder> {
  const email = demoCustomers.find((c) => c.key === demoPrepaymentOrders.find((o) => o.key === key)!.customerKey)!.email
  const url = `${new URL(adminUrl).origin}/admin/orders?q=${encodeURIComponent(email)}&fields=id,display_id,email,status&limit=10`
  const orders = (await page.evaluate(async (u) => (await (await fetch(u, { credentials: "include" })).json()).orders, url)) as AdminOrder[]
  const mine = orders.filter((o) => o.email === email)
  expect(mine).toHaveLength(1)
  return mine[0]
}

async function useLanguage(page: Page, adminUrl: string, language: "de" | "en") {
  await page.context().addCookies([{ name: "lng", value: language, url: new URL(adminUrl).origin }])
  await page.reload()
}

/** Opens the order and scrolls the plugin's Bank transfer box into view; returns its prepayment section. */
async function openWidget(page: Page, adminUrl: string, orderId: string) {
  await page.goto(`${adminUrl}/orders/${orderId}`)
  const section = page.getByTestId("finapi-order-prepayment")
  await section.waitFor({ timeout: 120_000 })
  await page.getByTestId("finapi-order-bank-payments").evaluate((el) => el.scrollIntoView({ block: "center" }))
  return section
}

/**
 * The prepayment loop on a fresh demo: the seed placed two bank-transfer orders in the past and ran
 * the plugin's prepayment job over the days since. The admin feed tells what the job did (a
 * reminder sent, an order cancelled); the order widget of the reminded order shows its deadline and
 * reminders 1 and 2, that of the cancelled one why it was cancelled, in English and German.
 */
export async function prepaymentLoopFlow(flow: FlowContext) {
  try {
    await feedAndWidgets(flow)
  } finally {
    await flow.page.context().addCookies([{ name: "lng", value: "en", url: new URL(flow.demo.adminUrl).origin }])
    await flow.page.setViewportSize({ width: 1440, height: 1000 })
  }
}

async function feedAndWidgets({ demo, page, shot }: FlowContext) {
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.goto(`${demo.adminUrl}/orders`)
  await page.locator("table tbody tr").first().waitFor({ timeout: 120_000 })
  const reminded = await prepaymentOrder(page, demo.adminUrl, "p01")
  const cancelled = await prepaymentOrder(page, demo.adminUrl, "p02")
  expect([reminded.status, cancelled.status]).toEqual(["pending", "canceled"])

  // the notification bell's drawer (Ctrl+N opens it)
  await page.keyboard.press("Control+n")
  const feed = page.getByRole("dialog").filter({ has: page.getByRole("heading", { name: "Notifications" }) })
  const lastRun = feed.getByText("Prepayment: 1 reminder(s) sent, 1 order(s) cancelled")
  await lastRun.waitFor({ timeout: 60_000 })
  await feed.getByText(new RegExp(`Cancelled for non-payment \\(deadline passed, no payment assigned\\): #${cancelled.display_id}\\.`)).waitFor()
  // the job's runs on the days before: reminder 1 of both orders, reminder 2 of the cancelled one
  expect(await feed.getByText("Prepayment: 1 reminder(s) sent, 0 order(s) cancelled").count()).toBe(3)
  await shot(page, "prepayment-admin-feed")
  await page.keyboard.press("Escape")

  let section = await openWidget(page, demo.adminUrl, reminded.id)
  await section.getByText("Payment deadline").waitFor()
  expect(await section.getByTestId("finapi-order-notice").allInnerTexts()).toEqual([
    expect.stringMatching(/^Reminder 1 · .*\s+Sent$/),
    expect.stringMatching(/^Reminder 2 · .*\s+Sent$/),
  ])
  await shot(page, "prepayment-reminded-order-en")
  await useLanguage(page, demo.adminUrl, "de")
  section = page.getByTestId("finapi-order-prepayment")
  await section.getByText("Zahlungsfrist").waitFor({ timeout: 60_000 })
  await section.getByText(/^Erinnerung 2 · /).waitFor()
  await page.getByTestId("finapi-order-bank-payments").evaluate((el) => el.scrollIntoView({ block: "center" }))
  await shot(page, "prepayment-reminded-order-de")
  await useLanguage(page, demo.adminUrl, "en")

  section = await openWidget(page, demo.adminUrl, cancelled.id)
  await section.getByTestId("finapi-order-cancelled-reason").getByText(/^Cancelled on .*: not paid by the deadline\.$/).waitFor()
  expect(await section.getByText("Payment deadline").count()).toBe(0)
  expect(await section.getByTestId("finapi-order-notice").allInnerTexts()).toEqual([
    expect.stringMatching(/^Reminder 1 · .*\s+Sent$/),
    expect.stringMatching(/^Reminder 2 · .*\s+Sent$/),
    expect.stringMatching(/^Cancelled for non-payment · .*\s+Sent$/),
  ])
  await shot(page, "prepayment-cancelled-order-en")
  await useLanguage(page, demo.adminUrl, "de")
  section = page.getByTestId("finapi-order-prepayment")
  await section.getByText(/^Storniert am .*: nicht fristgerecht bezahlt\.$/).waitFor({ timeout: 60_000 })
  await page.getByTestId("finapi-order-bank-payments").evaluate((el) => el.scrollIntoView({ block: "center" }))
  await shot(page, "prepayment-cancelled-order-de")
}
