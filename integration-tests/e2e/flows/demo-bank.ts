import type { Page } from "playwright-core"

/** The finAPI account id of the demo's linked Girokonto, read through the admin API with the page's login. */
export async function girokontoFinapiId(page: Page, adminUrl: string): Promise<string> {
  const backend = new URL(adminUrl).origin
  const accounts = await page.evaluate(async (url) => {
    const res = await fetch(url, { credentials: "include" })
    return (await res.json()).accounts as { name: string; finapi_account_id: string }[]
  }, `${backend}/admin/bank-reconciliation/accounts?limit=50`)
  return accounts.find((a) => a.name === "Girokonto")!.finapi_account_id
}

/** Incoming payments arrive at that account in the demo's finAPI sandbox. */
export async function addBankPayments(sandboxUrl: string, finapiAccountId: string, transactions: { amount: number; purpose: string; counterpartName: string; counterpartIban?: string }[]) {
  const res = await fetch(`${sandboxUrl}/__sandbox/accounts/${finapiAccountId}/transactions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ transactions }),
  })
  expect(res.status).toBeLessThan(300)
}

/** The incoming-payments list row that shows `text` (a purpose, say). */
export const paymentRow = (page: Page, text: string) => page.locator("table tbody tr", { hasText: text }).first()
