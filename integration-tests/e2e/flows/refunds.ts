import de from "../../../src/admin/i18n/json/de.json"
import { adminApi, bookAssignments, demoOrder, ensureStatementImported, euros, FLOW_ORDERS, paymentsFor } from "./demo-state"
import type { FlowContext } from "./flow-context"
import { expectFits, measureFit } from "./operator-daily-work"

const API = "/admin/bank-reconciliation"
const SURPLUS_CENTS = 2500

/** The demo order's id in Medusa, by its display id. */
async function orderId(flow: FlowContext, displayId: number): Promise<string> {
  const { orders } = await adminApi(flow.page, flow.demo.adminUrl).get<{ orders: { id: string; display_id: number }[] }>(`/admin/orders?fields=id,display_id&limit=500`)
  const order = orders.find((o) => o.display_id === displayId)
  if (!order) {
    throw new Error(`no order #${displayId} in the demo store`)
  }
  return order.id
}

/**
 * Refunds at 1 440 × 900 in English and German: a customer pays 25.00 more than their order; booked,
 * the surplus waits on the Refunds page beside the payments no order claims. In German the page,
 * the reason and the amounts read in German; the overpayment is selected and exported as a SEPA file,
 * which the exported files list then shows. Leaves the admin in English at 1 440 × 1 000.
 */
export async function refundsFlow(flow: FlowContext) {
  const { demo, context, page, shot } = flow
  const order = demoOrder(FLOW_ORDERS.refunds)
  const purpose = `Rechnung ${order.invoice} Erstattungstest`
  const paid = order.totalCents + SURPLUS_CENTS
  await ensureStatementImported(flow) // payments for no order beside it
  const transaction = (await paymentsFor(flow, [{ amount: euros(paid), purpose, counterpartName: order.payer, counterpartIban: "DE02120300000000202051" }])).get(purpose)!
  // the engine assigns the order's total (an overpayment by its invoice number and payer); if it only
  // proposed it, the order's total is assigned by hand. Booked, the rest is surplus.
  let confirmed = transaction.assignments.filter((a) => a.status === "confirmed")
  if (!confirmed.length) {
    const assigned = await adminApi(page, demo.adminUrl).post<{ assignments: { id: string; status: string }[] }>(`${API}/transactions/${transaction.id}/assignments`, {
      assignments: [{ order_id: await orderId(flow, order.displayId), amount: (order.totalCents / 100).toFixed(2) }],
    })
    confirmed = assigned.assignments.filter((a) => a.status === "confirmed") as typeof confirmed
  }
  await bookAssignments(flow, confirmed.map((a) => a.id))

  const row = page.getByTestId("finapi-refund-candidate").filter({ hasText: purpose })
  try {
    await page.setViewportSize({ width: 1440, height: 900 })
    for (const language of ["en", "de"] as const) {
      await context.addCookies([{ name: "lng", value: language, url: demo.adminUrl }])
      await page.goto(`${demo.adminUrl}/incoming-payments/refunds`)
      await row.waitFor({ timeout: 120_000 })
      expectFits(await measureFit(page, "finapi-refund-candidates", '[role="checkbox"]'))
      if (language === "en") {
        await row.getByText("Overpayment").waitFor()
        await row.getByText("€25.00").waitFor()
      } else {
        await page.getByRole("heading", { name: de.finapi.refunds.title }).first().waitFor()
        await row.getByText(de.finapi.refunds.reasons.overpayment).waitFor()
        await row.getByText("25,00 €").waitFor() // the surplus, German style
        expect(await row.innerText()).toMatch(/\b\d{2}\.\d{2}\.\d{4}\b/) // the booking date TT.MM.JJJJ
      }
      await shot(page, `refunds-${language}`)
    }

    // German: select the overpayment and export it
    await row.getByRole("checkbox").click()
    const exportButton = page.getByTestId("finapi-refunds-export")
    await exportButton.getByText("SEPA-Datei exportieren (1 · 25,00 €)").waitFor()
    await exportButton.click()
    await page.getByText(de.finapi.refunds.exported_one).waitFor({ timeout: 60_000 })
    await row.waitFor({ state: "detached", timeout: 30_000 })
    const file = page.getByTestId("finapi-refund-export").first()
    await file.getByText(/· 1 Überweisung · 25,00\s€ von DE\d{2}/).waitFor({ timeout: 30_000 }) // Intl puts a no-break space before €
    await file.scrollIntoViewIfNeeded()
    await shot(page, "refunds-exported-de")
  } finally {
    await context.addCookies([{ name: "lng", value: "en", url: demo.adminUrl }])
    await page.setViewportSize({ width: 1440, height: 1000 })
  }
}
