import type { Page } from "playwright-core"
import type { FlowContext } from "./flow-context"

/** Completes the sandbox's finAPI web form as a person would: bank search, login, TAN, save PIN, accounts (all but `leaveOut`). */
export async function completeFinapiWebForm(form: Page, leaveOut: string[] = []) {
  await form.getByLabel("Bank name, BLZ, BIC or IBAN").fill("DEMO0001")
  await form.getByRole("button", { name: "Search" }).click()
  await form.getByRole("button", { name: "finAPI Test Bank (DEMO0001)" }).click()
  await form.getByLabel("Onlinebanking-ID").fill("demo")
  await form.getByLabel("PIN", { exact: true }).fill("demo")
  await form.getByLabel("Save PIN").check()
  await form.getByRole("button", { name: "Log in" }).click()
  await form.getByLabel("TAN").fill("123456")
  await form.getByRole("button", { name: "Confirm" }).click()
  for (const name of leaveOut) {
    await form.getByLabel(new RegExp(`^${name} · `)).uncheck()
  }
  await form.getByRole("button", { name: "Import accounts" }).click()
}

/**
 * Settings → Online banking: create an interface, connect it to finAPI, link the finAPI Test Bank
 * through the web form, refresh, and see the accounts and the call log. Links the bank's business
 * and savings accounts and leaves out its Girokonto: the other flows' Girokonto (with the demo's
 * statement) is linked by demo-state's ensureLinkedGirokonto, once, whichever flow runs first.
 */
export async function onlineBankingSetupFlow({ demo, context, page, shot }: FlowContext) {
  await page.goto(`${demo.adminUrl}/settings/online-banking`)
  await page.getByRole("heading", { name: "Online banking" }).waitFor({ timeout: 120_000 })
  await page.getByText("Loading…").waitFor({ state: "hidden", timeout: 60_000 }) // the list, not its loading state
  await shot(page, "settings-list")

  await page.getByRole("button", { name: "Create" }).click()
  await page.getByLabel("Name").fill("Geschäftsbank")
  await page.getByLabel("Description").fill("Sparkasse business and savings accounts")
  await shot(page, "create-modal")
  await page.getByRole("button", { name: "Save" }).click()
  await page.waitForURL(/\/settings\/online-banking\/bint_/)
  await page.getByRole("button", { name: "Connect to finAPI" }).waitFor()
  await shot(page, "interface-created")

  await page.getByRole("button", { name: "Connect to finAPI" }).click()
  await page.getByText("Connected", { exact: true }).first().waitFor({ timeout: 60_000 })
  await shot(page, "connected")

  await page.getByRole("tab", { name: "Bank connections" }).click()
  await page.getByLabel("Name of the bank connection").fill("Sparkasse Geschäft")
  const [form] = await Promise.all([context.waitForEvent("page"), page.getByRole("button", { name: "Link new bank" }).click()])
  await form.waitForLoadState()
  await shot(form, "finapi-web-form")
  await completeFinapiWebForm(form, ["Girokonto"])
  await shot(form, "finapi-web-form-done")
  await form.close()

  // the card follows the form (callback + polling) until the connection is active
  await page.getByText("Active", { exact: true }).first().waitFor({ timeout: 60_000 })
  await page.getByRole("button", { name: "Refresh list" }).click()
  await page.getByText("Bank connections refreshed from finAPI").waitFor({ timeout: 30_000 })
  const card = page.getByTestId("finapi-bank-connection").first()
  await card.getByText("finAPI Test Bank").waitFor()
  const ibans = await card.locator("table tbody tr td:first-child").allInnerTexts()
  expect(ibans.length).toBeGreaterThanOrEqual(2)
  ibans.forEach((iban) => expect(iban).toMatch(/^DE\d{2}( \d{4}){4} \d{2}$/))
  await card.scrollIntoViewIfNeeded()
  await shot(page, "accounts")

  await page.getByRole("tab", { name: "Log" }).click()
  await page.getByText("createBankConnectionImportWebForm").first().waitFor()
  await shot(page, "log")
}
