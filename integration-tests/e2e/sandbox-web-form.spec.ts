import { existsSync, mkdirSync } from "node:fs"
import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import path from "node:path"
import { chromium, type Browser, type Page } from "playwright-core"
import { startSandbox, type SandboxHandle } from "../../sandbox/server"
import { FinapiClient, type DecimalTransaction } from "../../src/modules/bank-reconciliation/finapi"

/**
 * A person links the finAPI Test Bank through the sandbox web form in a real browser
 * (search the bank, log in, save the PIN, pick accounts, finish) and the plugin's
 * finAPI client then sees the bank connection, its accounts and transactions.
 */
const CHROMIUM = "/usr/bin/chromium"
const SCREENSHOTS = path.join(__dirname, "../../.screenshots")
const hasChromium = existsSync(CHROMIUM)
if (!hasChromium) console.warn(`[sandbox-web-form] ${CHROMIUM} not found: skipping the browser test (install Debian's chromium to run it).`)

const describeWithBrowser = hasChromium ? describe : describe.skip

describeWithBrowser("sandbox web form in a browser", () => {
  let sandbox: SandboxHandle
  let shop: Server
  let shopUrl: string
  let callbacks: unknown[]
  let browser: Browser
  let client: FinapiClient
  const user = { userId: "e2e-shop", password: "e2e-Pa55word" }

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true })
    sandbox = await startSandbox({ seed: 2026, settings: { updateDelayMs: 200 } })
    callbacks = []
    // Stands in for the shop: receives the finalised callback and is where the form redirects back to.
    shop = createServer((req, res) => {
      let body = ""
      req.on("data", (chunk) => (body += chunk))
      req.on("end", () => {
        if (req.method === "POST") callbacks.push(JSON.parse(body))
        const embed = new URL(req.url ?? "/", shopUrl).searchParams.get("embed")
        res.writeHead(200, { "Content-Type": "text/html" }).end(embed ? hostPage(sandbox.url, embed) : "<h1 id='back-in-shop'>Back in the shop</h1>")
      })
    })
    await new Promise<void>((resolve) => shop.listen(0, "127.0.0.1", resolve))
    shopUrl = `http://localhost:${(shop.address() as AddressInfo).port}`
    client = new FinapiClient({ accessBaseUrl: sandbox.url, webFormBaseUrl: sandbox.url, clientId: "sandbox-client", clientSecret: "sandbox-secret" })
    await client.createUser({ id: user.userId, password: user.password })
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    })
  })

  afterAll(async () => {
    await browser?.close()
    await sandbox?.close()
    shop?.closeAllConnections()
    await new Promise((resolve) => shop?.close(resolve))
  })

  const snap = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `sandbox-web-form-${name}.png`), fullPage: true })

  it("links the finAPI Test Bank with a saved PIN and two of its three accounts", async () => {
    const form = await client.createBankConnectionImportWebForm(user, {
      bankConnectionName: "Hausbank",
      callbacks: { finalised: `${shopUrl}/finapi/webform-done?state=e2e` },
    })
    expect(form.status).toBe("NOT_YET_OPENED")

    const page = await browser.newPage()
    await page.goto(`${form.url}?redirectUrl=${encodeURIComponent(`${shopUrl}/back`)}`)
    await page.getByLabel("Bank name, BLZ, BIC or IBAN").fill("finAPI Test")
    await page.getByRole("button", { name: "Search" }).click()
    await snap(page, "1-bank-search")
    await page.getByRole("button", { name: "finAPI Test Bank (DEMO0001)" }).click()

    await page.getByLabel("Onlinebanking-ID").fill("demo")
    await page.getByLabel("PIN", { exact: true }).fill("demo")
    await page.getByLabel("Save PIN").check()
    await snap(page, "2-login")
    await page.getByRole("button", { name: "Log in" }).click()

    await page.getByLabel("TAN").fill("123456")
    await snap(page, "3-tan")
    await page.getByRole("button", { name: "Confirm" }).click()

    await page.getByLabel(/^Geschäftskonto/).uncheck()
    await snap(page, "4-accounts")
    await page.getByRole("button", { name: "Import accounts" }).click()

    await page.waitForURL(`${shopUrl}/back`)
    await expect(page.locator("#back-in-shop").textContent()).resolves.toBe("Back in the shop")
    await snap(page, "5-back-in-shop")

    const finished = await client.getWebForm(user, form.id)
    expect(finished.status).toBe("COMPLETED")
    const connectionId = finished.payload?.bankConnectionId as number
    const connection = await waitUntilReady(client, user, connectionId)
    expect(connection).toMatchObject({ name: "Hausbank", bank: { blz: "DEMO0001" } })
    expect(connection.interfaces[0].aisConsent?.status).toBe("PRESENT")
    expect(connection.interfaces[0].loginCredentials?.find((c) => c.label === "PIN")?.value).toBe("XXXXX")

    const accounts = await client.listAccounts(user, { bankConnectionIds: [connectionId] })
    expect(accounts.map((a) => a.accountName)).toEqual(["Girokonto", "Tagesgeld"])
    const incoming: DecimalTransaction[] = []
    for await (const t of client.iterateTransactions(user, { view: "bankView", accountIds: [accounts[0].id], direction: "income", isAdjustingEntry: false })) incoming.push(t)
    expect(incoming.length).toBeGreaterThan(5)
    expect(incoming.every((t) => !t.amount.startsWith("-"))).toBe(true)

    await sandbox.control.callbacksSettled()
    expect(callbacks).toEqual([{ webFormId: form.id, status: "COMPLETED" }])
  })

  it("runs embedded through finapi-webform2.js and tells the host page it completed", async () => {
    const form = await client.createBankConnectionImportWebForm(user, { bank: { id: 280002 } })
    const page = await browser.newPage()
    await page.goto(`${shopUrl}/settings?embed=${form.id}`)
    const frame = page.frameLocator("finapi-web-form iframe")
    await frame.getByLabel("Onlinebanking-ID").fill("demo_no_msa")
    await frame.getByLabel("PIN", { exact: true }).fill("demo_no_msa")
    await frame.getByRole("button", { name: "Log in" }).click()
    await frame.getByRole("button", { name: "Import accounts" }).click()
    await page.waitForFunction(() => document.body.dataset.events === "loaded,complete")
    await snap(page, "7-embedded-complete")
    expect((await client.getWebForm(user, form.id)).status).toBe("COMPLETED")
  })

  it("ends ABORTED when the person cancels", async () => {
    const form = await client.createBankConnectionImportWebForm(user, {})
    const page = await browser.newPage()
    await page.goto(form.url)
    await page.getByRole("button", { name: "Cancel" }).click()
    await expect(page.locator("#result").getAttribute("data-status")).resolves.toBe("ABORTED")
    await snap(page, "6-aborted")
    expect((await client.getWebForm(user, form.id)).status).toBe("ABORTED")
  })
})

/** A shop settings page embedding the form the way @finapi/web-form's loader does. */
function hostPage(sandboxUrl: string, webFormId: string): string {
  return `<!doctype html><html><body data-events=""><h1>Link your bank</h1>
<script>["loaded","complete","fail","abort"].forEach((name) => document.addEventListener(name, () => {
  document.body.dataset.events = [document.body.dataset.events, name].filter(Boolean).join(",")
}))</script>
<script src="${sandboxUrl}/finapi-webform2.js?t=1&token=${webFormId}&tagname=finapi-web-form"></script>
<finapi-web-form token="${webFormId}"></finapi-web-form></body></html>`
}

async function waitUntilReady(client: FinapiClient, user: { userId: string; password: string }, id: number) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const connection = await client.getBankConnection(user, id)
    if (connection.updateStatus === "READY") return connection
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`bank connection ${id} never became READY`)
}
