import type { Page } from "playwright-core"
import { ensureStatementImported } from "./demo-state"
import type { FlowContext } from "./flow-context"
import { type Fit, expectFits, measureFit } from "./operator-daily-work"

// the admin's smaller windows: a 1 024 px laptop and 1 280 px
const SIZES = [
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
] as const

/**
 * The fit check of 1 440 × 900 in smaller windows, in German (the longer texts): the payments,
 * import history, booking and call-log tables fit their containers with every row's action on
 * screen. Each page loads once; the window is resized under it (the tables fold columns as their
 * container narrows). Screenshots of each page and size. Needs only the demo statement imported
 * (payments, import history, call log); the booking view is measured when it has a line (the fit
 * flow's payment, unless a booking flow booked it first). Leaves the admin in English at 1 440 × 900.
 */
export async function narrowWindowsFlow(flow: FlowContext) {
  const { demo, context, page, shot } = flow
  const { interfaceUrl } = await ensureStatementImported(flow)
  const figures: Record<string, Fit[]> = {}
  const check = async (name: string, testId: string, action: string) => {
    for (const size of SIZES) {
      await page.setViewportSize(size)
      figures[`${name}-${size.width}`] = await fitsSoon(page, testId, action)
      await page.getByTestId(testId).first().scrollIntoViewIfNeeded()
      await shot(page, `fit-${name}-${size.width}-de`)
    }
  }
  try {
    await context.addCookies([{ name: "lng", value: "de", url: demo.adminUrl }])
    await page.goto(`${demo.adminUrl}/incoming-payments`)
    await page.getByLabel("Vollständig verarbeitete anzeigen").click({ timeout: 120_000 })
    await page.getByTestId("finapi-assign-open").nth(5).waitFor({ timeout: 30_000 })
    await check("payments", "finapi-payments", '[data-testid="finapi-assign-open"]')
    await check("sync-runs", "finapi-sync-runs", "td:last-child")

    await page.goto(`${demo.adminUrl}/incoming-payments/booking`)
    if (await page.getByTestId("finapi-booking-order").first().waitFor({ timeout: 10_000 }).then(() => true, () => false)) {
      await check("booking", "finapi-booking-table", '[role="checkbox"]')
    }

    await page.goto(interfaceUrl)
    await page.getByRole("tab", { name: "Protokoll" }).click({ timeout: 60_000 })
    await page.getByTestId("finapi-call-log").locator("tbody tr").first().waitFor({ timeout: 60_000 })
    await check("log", "finapi-call-log", "td:last-child")
  } finally {
    await context.addCookies([{ name: "lng", value: "en", url: demo.adminUrl }])
    await page.setViewportSize({ width: 1440, height: 900 })
    console.log(`table fit at 1024 and 1280 px: ${JSON.stringify(Object.fromEntries(Object.entries(figures).map(([k, fits]) => [k, fits.map((f) => ({ table: f.tableWidth, container: f.containerWidth, rows: f.actions.length }))])))}`)
  }
}

/** The tables re-lay out once their container has been measured at the new width: up to 5 s to fit. */
async function fitsSoon(page: Page, testId: string, action: string): Promise<Fit[]> {
  const deadline = Date.now() + 5_000
  for (;;) {
    const fits = await measureFit(page, testId, action)
    const ok = fits.length > 0 && fits.every((f) => f.tableWidth <= f.containerWidth && f.scrollWidth <= f.clientWidth && f.actions.every((a) => a.left >= 0 && a.right <= f.viewport && a.right <= f.tableRight))
    if (ok || Date.now() > deadline) {
      expectFits(fits)
      return fits
    }
    await page.waitForTimeout(100)
  }
}
