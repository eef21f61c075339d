import type { Page } from "playwright-core"
import { bankStatement } from "../../../demo/app/src/seed/data/bank-statement"
import { accountTransactions, bookAssignments, demoOrder, ensureStatementImported, euros, FLOW_ORDERS, paymentsFor, type BankPayment } from "./demo-state"
import type { FlowContext } from "./flow-context"

const API = "/admin/bank-reconciliation"

/** GET on the admin API with the page's login. */
async function adminGet<T>(page: Page, adminUrl: string, path: string): Promise<T> {
  return page.evaluate(async (url) => {
    const res = await fetch(url, { credentials: "include" })
    if (!res.ok) throw new Error(`GET ${url} answered ${res.status}`)
    return res.json()
  }, `${new URL(adminUrl).origin}${path}`)
}

const countWithStatus = async (page: Page, adminUrl: string, status: string) =>
  (await adminGet<{ count: number }>(page, adminUrl, `${API}/transactions?status=${status}&limit=1`)).count

async function openIncomingPayments(page: Page, adminUrl: string, heading = "Incoming payments") {
  await page.goto(`${adminUrl}/incoming-payments`)
  await page.getByRole("heading", { name: heading }).first().waitFor({ timeout: 120_000 })
  await page.getByTestId("finapi-assign-open").first().waitFor({ timeout: 60_000 })
}

/** A payment 1.00 short of demo order `index`, with its invoice number, from a payer the shop does not know: a suggestion, a human decides. */
function shortPayment(index: number, purpose: (invoice: string) => string, counterpartName: string): BankPayment {
  const order = demoOrder(index)
  return { amount: euros(order.totalCents - 100), purpose: purpose(order.invoice), counterpartName }
}

/** The exact amount of demo order `index` from its customer with its invoice number: assigned by the engine. */
function exactPayment(index: number, purpose: (invoice: string) => string): BankPayment {
  const order = demoOrder(index)
  return { amount: euros(order.totalCents), purpose: purpose(order.invoice), counterpartName: order.payer }
}

/**
 * The demo's own statement after its import and "Assign automatically": invoice numbers with the
 * exact amount are assigned by the engine (booked since, if a booking flow ran first), payments
 * without a reference are suggestions.
 */
export async function demoStatementFlow(flow: FlowContext) {
  const { demo, page, shot } = flow
  const giro = await ensureStatementImported(flow)
  await openIncomingPayments(page, demo.adminUrl)
  const exactPurposes = bankStatement.filter((r) => /^(Rechnung|RE|Bestellung) INV-\d+( Kaffee)?$|^INV-\d+ vielen Dank$/.test(r.content.purpose)).map((r) => r.content.purpose)
  const statement = new Set(bankStatement.map((r) => r.content.purpose))
  const imported = (await accountTransactions(flow, giro.accountId)).filter((t) => statement.has(t.purpose))
  expect(imported.length).toBe(bankStatement.length) // each statement row once
  const assigned = imported.filter(
    (t) => exactPurposes.includes(t.purpose) && t.assignments.some((a) => a.source === "auto" && ["confirmed", "booking", "booked"].includes(a.status))
  ).length
  const proposed = imported.filter((t) => t.status === "proposed").length
  console.log(`demo statement after "Assign automatically": ${assigned} assigned by the engine, ${proposed} suggestions (${exactPurposes.length} payments with an exact invoice number)`)
  expect(exactPurposes.length).toBeGreaterThanOrEqual(10)
  expect(assigned).toBeGreaterThanOrEqual(10)
  expect(proposed).toBeGreaterThanOrEqual(1)
  await shot(page, "statement-assigned")
  return { assigned, proposed }
}

/** Keyboard only: j to the first suggestion, Enter opens it, c confirms, n opens the next, Escape closes; "?" lists the keys. */
export async function keyboardConfirmFlow(flow: FlowContext) {
  const { demo, page, shot } = flow
  const payment = shortPayment(FLOW_ORDERS.keyboardConfirm, (invoice) => `Tastatur ${invoice} abzgl. Gebuehr`, "Kaffeeroesterei Sued")
  await paymentsFor(flow, [payment])
  await openIncomingPayments(page, demo.adminUrl)
  const search = page.getByPlaceholder("Search payer, IBAN, purpose")
  const purpose = payment.purpose
  await search.focus()
  await page.keyboard.type(purpose)
  // the list has caught up with the whole search text (a shorter prefix may match other payments)
  await page.waitForFunction(
    (text) => {
      const rows = [...document.querySelectorAll('[data-testid="finapi-payments"] tbody tr')]
      return rows.length > 0 && rows.every((row) => row.textContent?.includes(text))
    },
    purpose,
    { timeout: 30_000 }
  )
  await page.keyboard.press("Escape") // leaves the search field, keeps the search
  await page.keyboard.press("?")
  await page.getByTestId("finapi-keyboard-help").waitFor()
  await shot(page, "keyboard-help")
  await page.keyboard.press("?")
  await page.keyboard.press("j")
  await page.locator("[data-active]").first().waitFor()
  await page.keyboard.press("Enter")
  const drawer = page.getByTestId("finapi-assign-drawer")
  await drawer.getByText(purpose).waitFor()
  await drawer.getByTestId("finapi-assignment-row").first().getByText("Suggestion").waitFor({ timeout: 30_000 })
  await page.keyboard.press("c")
  await page.getByText("Suggestion confirmed").first().waitFor({ timeout: 30_000 })
  await drawer.getByTestId("finapi-assignment-row").first().getByText("Assigned").first().waitFor({ timeout: 30_000 })
  await drawer.locator('[data-kind="confirmed"]').waitFor()
  await shot(page, "keyboard-confirmed")
  await page.keyboard.press("Escape")
  await drawer.waitFor({ state: "detached" })
}

/** Select two suggestions, "Confirm suggestions": the toast's count is the number the server confirmed. */
export async function bulkConfirmFlow(flow: FlowContext) {
  const { demo, page, shot } = flow
  const tag = "Sammelbestaetigung"
  await paymentsFor(flow, FLOW_ORDERS.bulkConfirm.map((index) => shortPayment(index, (invoice) => `${tag} ${invoice} abzgl. Gebuehr`, "Buerobedarf Mitte KG")))
  await openIncomingPayments(page, demo.adminUrl)
  await page.getByRole("combobox", { name: "Status" }).click()
  await page.getByRole("option", { name: "Proposed" }).click()
  await page.getByPlaceholder("Search payer, IBAN, purpose").fill(tag)
  // the list shows this flow's two suggestions and nothing else
  await page.waitForFunction(
    (text) => {
      const shown = [...document.querySelectorAll('[data-testid="finapi-payments"] tbody tr')]
      return shown.length === 2 && shown.every((row) => row.textContent?.includes(text) && row.textContent?.includes("Proposed"))
    },
    tag,
    { timeout: 30_000 }
  )
  const rows = page.getByTestId("finapi-payments").locator("tbody tr")
  const before = await countWithStatus(page, demo.adminUrl, "proposed")
  const picked = await rows.count()
  expect(picked).toBe(2)
  for (let i = 0; i < picked; i++) {
    await rows.nth(i).getByRole("checkbox").click()
  }
  await page.getByText(`${picked} selected`).waitFor()
  await shot(page, "bulk-selected")
  await page.getByRole("button", { name: "Confirm suggestions" }).click()
  await page.getByText(`Confirmed: ${picked} · without a suggestion: 0 · failed: 0`).waitFor({ timeout: 60_000 })
  expect(await countWithStatus(page, demo.adminUrl, "proposed")).toBe(before - picked)
  await shot(page, "bulk-confirmed")
}

/** A booked payment's drawer lists its history: imported (run), assigned by the engine with confidence, booked (capture). */
export async function auditTrailFlow(flow: FlowContext) {
  const { demo, page, shot } = flow
  const payment = exactPayment(FLOW_ORDERS.auditTrail, (invoice) => `Rechnung ${invoice}`)
  const transaction = (await paymentsFor(flow, [payment])).get(payment.purpose)!
  const confirmed = transaction.assignments.filter((a) => a.source === "auto" && a.status === "confirmed")
  expect(confirmed).toHaveLength(1)
  await bookAssignments(flow, confirmed.map((a) => a.id))
  const exact = payment.purpose
  await openIncomingPayments(page, demo.adminUrl)
  await page.getByLabel("Show fully processed").click()
  await page.getByPlaceholder("Search payer, IBAN, purpose").fill(exact)
  const row = page.locator("table tbody tr", { hasText: exact }).first()
  await row.getByText("Booked").waitFor({ timeout: 30_000 })
  await row.getByTestId("finapi-assign-open").click()
  const trail = page.getByTestId("finapi-payment-trail")
  await trail.locator('[data-kind="booked"]').waitFor({ timeout: 30_000 })
  const kinds = await trail.getByTestId("finapi-trail-entry").evaluateAll((els) => els.map((el) => el.getAttribute("data-kind")))
  expect(kinds[0]).toBe("imported")
  expect(kinds).toContain("assigned")
  expect(kinds[kinds.length - 1]).toBe("booked")
  await trail.locator('[data-kind="imported"]').getByText(/run bsync_/).waitFor()
  await trail.locator('[data-kind="assigned"]').getByText(/matching engine, \d+ % sure/).waitFor()
  await trail.locator('[data-kind="booked"]').getByText(/capture capt_/).waitFor()
  await trail.scrollIntoViewIfNeeded()
  await shot(page, "audit-trail-booked")
  await page.keyboard.press("Escape")
}

// the tabs' highlight slides to the clicked tab; a screenshot right after the click shows it on the previous one
const TAB_TRANSITION_MS = 400

export type Fit = { tableWidth: number; tableRight: number; containerWidth: number; scrollWidth: number; clientWidth: number; viewport: number; actions: { left: number; right: number }[] }

/**
 * Every table inside an element `testId` (the booking page has one per customer): no wider than its
 * container, no sideways scrolling, and each row's action in the viewport.
 */
export async function measureFit(page: Page, testId: string, action: string): Promise<Fit[]> {
  return page.getByTestId(testId).evaluateAll((roots, selector) => roots.map((root) => {
    const table = root.querySelector("table")
    if (!table) {
      throw new Error(`no table inside ${root.getAttribute("data-testid")}`)
    }
    const container = root.closest(".shadow-elevation-card-rest") ?? root
    const scroller = table.parentElement!
    return {
      tableWidth: table.getBoundingClientRect().width,
      tableRight: table.getBoundingClientRect().right,
      containerWidth: container.getBoundingClientRect().width,
      scrollWidth: scroller.scrollWidth,
      clientWidth: scroller.clientWidth,
      viewport: window.innerWidth,
      actions: [...table.querySelectorAll("tbody tr")].map((tr) => {
        const box = (tr.querySelector(selector) ?? tr.lastElementChild!).getBoundingClientRect()
        return { left: box.left, right: box.right }
      }),
    }
  }), action)
}

export function expectFits(fits: Fit[]) {
  expect(fits.length).toBeGreaterThan(0)
  fits.forEach(expectFit)
}

function expectFit(fit: Fit) {
  expect(fit.actions.length).toBeGreaterThan(0)
  expect(fit.tableWidth).toBeLessThanOrEqual(fit.containerWidth)
  expect(fit.scrollWidth).toBeLessThanOrEqual(fit.clientWidth)
  for (const box of fit.actions) {
    expect(box.left).toBeGreaterThanOrEqual(0)
    expect(box.right).toBeLessThanOrEqual(fit.viewport)
    expect(box.right).toBeLessThanOrEqual(fit.tableRight) // not cut off by the table's edge either
  }
}

/**
 * At 1 440 × 900, in English and German: the payments, booking and call-log tables fit their
 * containers and every row's action is on screen. Screenshots of each page in both languages.
 */
export async function tablesFitFlow(flow: FlowContext) {
  const { demo, context, page, shot } = flow
  // the statement fills the payments list; a payment of its own waits in the booking view
  const { interfaceUrl } = await ensureStatementImported(flow)
  await paymentsFor(flow, [exactPayment(FLOW_ORDERS.tablesFit, (invoice) => `RE ${invoice} Tischtest`)])
  await page.setViewportSize({ width: 1440, height: 900 })
  const figures: Record<string, Fit[]> = {}
  try {
    for (const language of ["en", "de"] as const) {
      await context.addCookies([{ name: "lng", value: language, url: demo.adminUrl }])
      await openIncomingPayments(page, demo.adminUrl, language === "en" ? "Incoming payments" : "Zahlungseingänge")
      await page.getByLabel(language === "en" ? "Show fully processed" : "Vollständig verarbeitete anzeigen").click()
      await page.getByTestId("finapi-assign-open").nth(5).waitFor({ timeout: 30_000 })
      expectFits((figures[`payments-${language}`] = await measureFit(page, "finapi-payments", '[data-testid="finapi-assign-open"]')))
      await shot(page, `fit-payments-${language}`)
      // a processed payment's drawer: the full purpose and its audit trail
      await page.getByTestId("finapi-assign-open").first().click()
      await page.getByTestId("finapi-payment-trail").getByTestId("finapi-trail-entry").first().waitFor({ timeout: 30_000 })
      await shot(page, `drawer-trail-${language}`)
      await page.keyboard.press("Escape")
      await page.getByTestId("finapi-assign-drawer").waitFor({ state: "detached" })
      await page.getByTestId("finapi-sync-runs").scrollIntoViewIfNeeded()
      expectFits((figures[`sync-runs-${language}`] = await measureFit(page, "finapi-sync-runs", "td:last-child")))
      await shot(page, `fit-sync-runs-${language}`)

      await page.goto(`${demo.adminUrl}/incoming-payments/booking`)
      await page.getByTestId("finapi-booking-order").first().waitFor({ timeout: 60_000 })
      expectFits((figures[`booking-${language}`] = await measureFit(page, "finapi-booking-table", '[role="checkbox"]')))
      await shot(page, `fit-booking-${language}`)

      await page.goto(interfaceUrl)
      await page.getByText(language === "en" ? "Connected" : "Verbunden", { exact: true }).first().waitFor({ timeout: 60_000 })
      await page.getByRole("tab", { name: language === "en" ? "Settings" : "Einstellungen" }).click()
      await page.waitForTimeout(TAB_TRANSITION_MS)
      await shot(page, `settings-interface-${language}`)
      await page.getByRole("tab", { name: language === "en" ? "Bank connections" : "Bankverbindungen" }).click()
      await page.getByTestId("finapi-bank-connection").first().waitFor({ timeout: 60_000 })
      await page.waitForTimeout(TAB_TRANSITION_MS)
      await shot(page, `settings-connections-${language}`)
      await page.getByRole("tab", { name: language === "en" ? "Log" : "Protokoll" }).click()
      await page.getByTestId("finapi-call-log").locator("tbody tr").first().waitFor({ timeout: 60_000 })
      expectFits((figures[`log-${language}`] = await measureFit(page, "finapi-call-log", "td:last-child")))
      await shot(page, `fit-log-${language}`)
    }
  } finally {
    await context.addCookies([{ name: "lng", value: "en", url: demo.adminUrl }])
    console.log(`table fit at 1440x900: ${JSON.stringify(Object.fromEntries(Object.entries(figures).map(([k, fits]) => [k, fits.map((f) => ({ table: f.tableWidth, container: f.containerWidth, rows: f.actions.length }))])))}`)
  }
}
