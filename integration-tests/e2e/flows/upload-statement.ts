import { camt053 } from "../../__fixtures__/camt-statement"
import { demoCustomers } from "../../../demo/app/src/seed/data/customers"
import { demoOrders } from "../../../demo/app/src/seed/data/orders"
import { paymentRow } from "./demo-bank"
import type { FlowContext } from "./flow-context"

/**
 * Incoming payments → Upload statement: a camt.053 of the linked Girokonto with a transfer for a demo
 * order nobody paid yet is dropped into the dialog; it is imported, reported per file, and the payment
 * is assigned to its order automatically, as one from finAPI would be. Needs the bank linked by the
 * online-banking flow.
 */
export async function uploadStatementFlow({ demo, page, shot }: FlowContext) {
  // the last demo order: the other flows pay the first ones
  const index = demoOrders.length - 1
  const order = demoOrders[index]
  const customer = demoCustomers.find((c) => c.key === order.customerKey)!
  const purpose = `Kontoauszug Rechnung INV-${index + 1} danke`
  await page.goto(`${demo.adminUrl}/incoming-payments`)
  await page.getByRole("heading", { name: "Incoming payments" }).first().waitFor({ timeout: 120_000 })
  const accounts = await page.evaluate(async (url) => (await (await fetch(url, { credentials: "include" })).json()).accounts, `${new URL(demo.adminUrl).origin}/admin/bank-reconciliation/accounts?limit=50`)
  const giro = (accounts as { name: string; iban: string }[]).find((a) => a.name === "Girokonto")!
  const xml = camt053({
    iban: giro.iban,
    messageId: "E2E-UPLOAD",
    credits: [
      {
        amount: (order.totalCents / 100).toFixed(2),
        booking_date: new Date().toISOString().slice(0, 10),
        debtor_name: `${customer.first_name} ${customer.last_name}`,
        debtor_iban: "DE82200505501234567899",
        end_to_end_reference: "E2E-UPLOAD-1",
        remittance_text: purpose,
      },
    ],
  })

  await page.getByRole("button", { name: "Upload statement" }).click()
  await page.getByTestId("statement-file-input").setInputFiles({ name: "girokonto-camt053.xml", mimeType: "application/xml", buffer: Buffer.from(xml) })
  await page.getByTestId("statement-files").getByText("girokonto-camt053.xml").waitFor()
  await shot(page, "statement-chosen")
  await page.getByRole("button", { name: "Import", exact: true }).click()
  await page.getByText("Read 1, new 1, already known 0").waitFor({ timeout: 120_000 })
  await shot(page, "statement-imported")
  await page.keyboard.press("Escape")

  await page.getByText("girokonto-camt053.xml").first().waitFor()
  // The import's event starts automatic matching after the upload has answered; the list is not
  // polled, so look again until the order shows. If the event's run has not got to it within 90 s
  // (a loaded machine), "Assign automatically" runs the same matching on the file's payment.
  const assigned = paymentRow(page, purpose).getByText(`#${index + 1}`)
  const deadline = Date.now() + 90_000
  let byEvent = false
  while (Date.now() < deadline && !byEvent) {
    await page.reload()
    await page.getByPlaceholder("Search payer, IBAN, purpose").fill(purpose)
    await paymentRow(page, purpose).waitFor({ timeout: 60_000 })
    byEvent = await assigned.waitFor({ timeout: 5_000 }).then(() => true, () => false)
  }
  if (!byEvent) {
    console.warn("upload-statement flow: not assigned by the import's event within 90 s; running Assign automatically")
    await page.getByRole("button", { name: "Assign automatically" }).click()
    await page.getByText("Automatic assignment finished").waitFor({ timeout: 60_000 })
  }
  await assigned.waitFor({ timeout: 30_000 })
  await shot(page, "statement-payment-assigned")
}
