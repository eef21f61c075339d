/**
 * Looks at the running demo (`npm run demo`) through headless Chromium: logs in
 * to the admin, opens the orders list and one order, saves screenshots under
 * .screenshots/demo/ and prints what it saw. Exits 1 when the seeded unpaid
 * orders do not show.
 *
 *   npx tsx demo/check-in-browser.ts
 *
 * Env: DEMO_ADMIN_URL (default http://localhost:9000/app), CHROMIUM_PATH
 * (default /usr/bin/chromium).
 */
import fs from "fs"
import os from "os"
import path from "path"
import { chromium, type Page } from "playwright-core"
import credentials from "./admin-credentials"

const ADMIN_URL = process.env.DEMO_ADMIN_URL || "http://localhost:9000/app"
const SHOTS = path.join(__dirname, "..", ".screenshots", "demo")
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
]

async function logIn(page: Page) {
  // The first load after `npm run demo` waits for vite to pre-bundle the
  // dashboard (a minute or more on a busy 2-core machine).
  await page.goto(`${ADMIN_URL}/login`, { waitUntil: "commit" })
  await page.locator('input[name="email"]').fill(credentials.email, { timeout: 240_000 })
  await page.locator('input[name="password"]').fill(credentials.password)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL(/\/app\/orders/, { timeout: 60_000 })
}

async function readOrderRows(page: Page) {
  const rows = page.locator("table tbody tr")
  await rows.first().waitFor({ timeout: 60_000 })
  return (await rows.allInnerTexts()).map((row) => row.replace(/\s+/g, " ").trim())
}

async function shot(page: Page, name: string) {
  const file = path.join(SHOTS, name)
  await page.screenshot({ path: file })
  return path.relative(process.cwd(), file)
}

async function main() {
  fs.mkdirSync(SHOTS, { recursive: true })
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "demo-chromium-"))
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
    locale: "en-US",
  })
  try {
    const page = context.pages()[0] ?? (await context.newPage())
    const started = Date.now()
    await logIn(page)
    console.log(`Logged in as ${credentials.email} (${((Date.now() - started) / 1000).toFixed(1)} s)`)

    const rows = await readOrderRows(page)
    const unpaid = rows.filter((row) => /not paid|awaiting/i.test(row))
    const count = await page.getByText(/of \d+ results/i).first().innerText().catch(() => "")
    console.log(`Orders list: ${rows.length} rows on the first page ${count ? `(${count})` : ""}`)
    rows.slice(0, 5).forEach((row) => console.log(`  ${row}`))
    console.log(`  … ${unpaid.length} of ${rows.length} rows say "Not paid"/"Awaiting"`)
    console.log(`Screenshot: ${await shot(page, "orders-list.png")}`)

    await page.locator("table tbody tr").first().click()
    await page.waitForURL(/\/app\/orders\/order_/)
    await page.getByText("Outstanding amount").waitFor({ timeout: 60_000 })
    const heading = await page.getByRole("heading", { name: /^#\d+/ }).first().innerText()
    const statuses = await page.locator("main").getByText(/^(not paid|awaiting)$/i).allInnerTexts()
    const outstanding = await page.getByText("Outstanding amount").locator("xpath=..").innerText()
    console.log(`Order ${heading}: status badges ${JSON.stringify(statuses)}, ${outstanding.replace(/\s+/g, " ")}`)
    console.log(`Screenshot: ${await shot(page, "order-detail.png")}`)
    // The admin scrolls inside a container, so a full-page shot would miss
    // the lower part; scroll the Payments section into view instead.
    await page
      .getByRole("heading", { name: "Payments" })
      .first()
      .evaluate((el) => el.scrollIntoView({ block: "start" }))
    console.log(`Screenshot: ${await shot(page, "order-detail-payment.png")}`)

    if (!unpaid.length || !statuses.length) {
      console.error("FAIL: the seeded unpaid orders do not show as unpaid")
      process.exitCode = 1
    }
  } finally {
    await context.close()
    fs.rmSync(userDataDir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
