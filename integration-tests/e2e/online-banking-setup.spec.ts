import type { Page } from "playwright-core"
import { hasChromium, launchBrowser, screenshotter } from "../__fixtures__/browser"
import { startDemoStore } from "../__fixtures__/demo-store"

jest.setTimeout(900_000)

const describeIfChromium = hasChromium ? describe : describe.skip
if (!hasChromium) {
  console.warn("Skipping the online-banking browser test: no chromium at /usr/bin/chromium (apt-get install chromium).")
}

async function logIn(page: Page, adminUrl: string, email: string, password: string) {
  // the first load waits for vite to pre-bundle the dashboard
  await page.goto(`${adminUrl}/login`, { waitUntil: "commit" })
  await page.locator('input[name="email"]').fill(email, { timeout: 300_000 })
  await page.locator('input[name="password"]').fill(password)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL(/\/app\/orders/, { timeout: 120_000 })
}

/** Completes the sandbox's finAPI web form as a person would: bank search, login, save PIN, accounts. */
async function completeFinapiWebForm(form: Page) {
  await form.getByLabel("Bank name, BLZ, BIC or IBAN").fill("DEMO0001")
  await form.getByRole("button", { name: "Search" }).click()
  await form.getByRole("button", { name: "finAPI Test Bank (DEMO0001)" }).click()
  await form.getByLabel("Onlinebanking-ID").fill("demo")
  await form.getByLabel("PIN", { exact: true }).fill("demo")
  await form.getByLabel("Save PIN").check()
  await form.getByRole("button", { name: "Log in" }).click()
  await form.getByLabel("TAN").fill("123456")
  await form.getByRole("button", { name: "Confirm" }).click()
  await form.getByRole("button", { name: "Import accounts" }).click()
}

describeIfChromium("online-banking setup in the admin (browser)", () => {
  let demo: Awaited<ReturnType<typeof startDemoStore>>
  let browser: Awaited<ReturnType<typeof launchBrowser>>
  const shot = screenshotter("online-banking")

  beforeAll(async () => {
    demo = await startDemoStore("medusa-finapi-e2e-setup")
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    await demo?.stop()
  })

  it("creates an interface, connects it, links the finAPI Test Bank through the web form and shows the accounts", async () => {
    const { page, context } = browser
    await logIn(page, demo.adminUrl, demo.credentials.email, demo.credentials.password)

    await page.goto(`${demo.adminUrl}/settings/online-banking`)
    await page.getByRole("heading", { name: "Online banking" }).waitFor({ timeout: 120_000 })
    await shot(page, "settings-list")

    await page.getByRole("button", { name: "Create" }).click()
    await page.getByLabel("Name").fill("Hausbank")
    await page.getByLabel("Description").fill("Sparkasse main account")
    await shot(page, "create-modal")
    await page.getByRole("button", { name: "Save" }).click()
    await page.waitForURL(/\/settings\/online-banking\/bint_/)
    await page.getByRole("button", { name: "Connect to finAPI" }).waitFor()
    await shot(page, "interface-created")

    await page.getByRole("button", { name: "Connect to finAPI" }).click()
    await page.getByText("Connected", { exact: true }).first().waitFor({ timeout: 60_000 })
    await shot(page, "connected")

    await page.getByRole("tab", { name: "Bank connections" }).click()
    await page.getByLabel("Name of the bank connection").fill("Sparkasse")
    const [form] = await Promise.all([context.waitForEvent("page"), page.getByRole("button", { name: "Link new bank" }).click()])
    await form.waitForLoadState()
    await shot(form, "finapi-web-form")
    await completeFinapiWebForm(form)
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
  })
})
