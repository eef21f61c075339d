import type { Page } from "playwright-core"
import de from "../../../src/admin/i18n/json/de.json"
import { paymentRow } from "./demo-bank"
import { addBankPayments, demoOrder, ensureLinkedGirokonto, FLOW_ORDERS } from "./demo-state"
import type { FlowContext } from "./flow-context"

const PAYER = "Holzwerkstatt Nord"
const PAYER_IBAN = "DE02500105170137075030"

/** Switches the admin's language (the dashboard reads the `lng` cookie first) and reloads. */
async function useLanguage(page: Page, adminUrl: string, language: "de" | "en") {
  await page.context().addCookies([{ name: "lng", value: language, url: new URL(adminUrl).origin }])
  await page.reload()
}

/**
 * Evidence in the operator's language and learning from the operator: a payment a little short of a
 * demo order arrives from an unknown payer; in German the suggestion's evidence reads in German with
 * comma decimals; confirming it teaches the payer IBAN and name, which the customer page shows and
 * lets the operator remove. Links the Girokonto if no flow has yet; leaves the admin in English.
 */
export async function learnedPayersFlow(flow: FlowContext) {
  try {
    await evidenceAndLearning(flow)
  } finally {
    // later flows read English labels at the usual size, whatever happened here
    await flow.page.context().addCookies([{ name: "lng", value: "en", url: new URL(flow.demo.adminUrl).origin }])
    await flow.page.setViewportSize({ width: 1440, height: 1000 })
  }
}

async function evidenceAndLearning(flow: FlowContext) {
  const { demo, page, shot } = flow
  const order = demoOrder(FLOW_ORDERS.learnedPayers)
  const customer = order.customer
  const short = order.totalCents - 100 // 1.00 short: a deduction, a human decides
  const purpose = `Rechnung ${order.invoice} abzgl. Gebuehr`
  const giro = await ensureLinkedGirokonto(flow)
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.goto(`${demo.adminUrl}/incoming-payments`)
  await page.getByRole("heading", { name: "Incoming payments" }).first().waitFor({ timeout: 120_000 })
  await addBankPayments(demo.sandboxUrl, giro.finapiAccountId, [
    { amount: short / 100, purpose, counterpartName: PAYER, counterpartIban: PAYER_IBAN },
  ])
  await page.getByRole("button", { name: "Get data" }).click()
  await page.getByRole("button", { name: "Import", exact: true }).click()
  await page.getByPlaceholder("Search payer, IBAN, purpose").fill(purpose)
  await paymentRow(page, purpose).waitFor({ timeout: 120_000 })
  await page.getByRole("button", { name: "Assign automatically" }).click()
  await page.getByText("Automatic assignment finished").waitFor({ timeout: 60_000 })
  await paymentRow(page, purpose).getByTestId("finapi-assignment-evidence").first().waitFor({ timeout: 60_000 })

  await useLanguage(page, demo.adminUrl, "de")
  await page.getByPlaceholder(de.finapi.incomingPaymentsPage.search).fill(purpose)
  await paymentRow(page, purpose).getByTestId("finapi-assign-open").click()
  const row = page.getByTestId("finapi-assignment-row").first()
  const reasons = row.getByTestId("finapi-evidence-reasons")
  await reasons.waitFor({ timeout: 60_000 })
  const evidence = await reasons.innerText()
  const euros = (cents: number) => `${Math.floor(cents / 100).toLocaleString("de-DE")},${String(cents % 100).padStart(2, "0")}`
  expect(evidence).toContain(de.finapi.assignment.signal.invoice_number)
  expect(evidence).toContain(`Teilzahlung: ${euros(short)} von offenen ${euros(order.totalCents)}, 1,00 bleiben offen`)
  expect(evidence).not.toMatch(/\d\.\d{2}\b/) // no dot decimals left in the German evidence
  await shot(page, "evidence-de")
  await row.getByRole("button", { name: de.finapi.assignment.confirm }).click()
  await page.getByText(de.finapi.assignment.confirmedToast).waitFor()
  await page.keyboard.press("Escape")

  // the customer page shows what the confirmation taught, in German, then in English, removable
  const backend = new URL(demo.adminUrl).origin
  const customerId = await page.evaluate(async (url) => {
    const res = await fetch(url, { credentials: "include" })
    return (await res.json()).customers[0].id as string
  }, `${backend}/admin/customers?q=${encodeURIComponent(customer.email)}`)
  await page.goto(`${demo.adminUrl}/customers/${customerId}`)
  const widget = page.getByTestId("finapi-learned-payers")
  await widget.getByText(de.finapi.learnedPayers.title).waitFor({ timeout: 60_000 })
  await widget.getByText(PAYER_IBAN.replace(/(.{4})/g, "$1 ").trim()).waitFor()
  await widget.getByText(PAYER, { exact: true }).waitFor()
  await widget.scrollIntoViewIfNeeded()
  await shot(page, "learned-payers-de")

  await useLanguage(page, demo.adminUrl, "en")
  await widget.getByText("Learned from payments").waitFor({ timeout: 60_000 })
  await widget.scrollIntoViewIfNeeded()
  await shot(page, "learned-payers-en")
  await widget.getByRole("button", { name: `Remove ${PAYER}` }).click()
  await page.getByText("Removed; matching no longer uses it").waitFor()
  await widget.getByText(PAYER, { exact: true }).waitFor({ state: "detached" })
  await widget.getByText(PAYER_IBAN.replace(/(.{4})/g, "$1 ").trim()).waitFor()
  await shot(page, "learned-payers-removed")

  await page.goto(`${demo.adminUrl}/incoming-payments`)
  await page.getByPlaceholder("Search payer, IBAN, purpose").fill(purpose)
  await paymentRow(page, purpose).getByTestId("finapi-assign-open").click()
  await page.getByTestId("finapi-evidence-reasons").first().waitFor({ timeout: 60_000 })
  await shot(page, "evidence-en")
  await page.keyboard.press("Escape")
  await page.getByPlaceholder("Search payer, IBAN, purpose").fill("") // the list keeps its search for the next flows
}
