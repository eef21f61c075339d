import type { Page } from "playwright-core"
import { demoCustomers } from "../../../demo/app/src/seed/data/customers"
import { demoOrders } from "../../../demo/app/src/seed/data/orders"
import { statementOrderIndexes } from "../../../demo/app/src/seed/data/bank-statement"
import type { FlowContext } from "./flow-context"

/**
 * What a flow needs on the demo store, set up through the admin API (with the page's login) and the
 * finAPI sandbox's scenario control, so that every flow can run alone and in any order. Each helper
 * is idempotent: a flow calls it, the first caller in a run does the work, the others find it done.
 */

const API = "/admin/bank-reconciliation"

/**
 * The demo orders (0-based) each flow pays, disjoint so no flow finds an order another one already
 * paid; none of them is in the demo's statement (statementOrderIndexes) and, but for the assign
 * flow's lone-customer order, none is on the orders list's first page (#43 to #62).
 */
export const FLOW_ORDERS = {
  assignExact: 0,
  assignSplit: [1, 2],
  assignSuggestion: loneOrderIndex([0, 1, 2]),
  learnedPayers: 25,
  uploadStatement: 29,
  keyboardConfirm: 34,
  bulkConfirm: [35, 36],
  bookPayments: 37,
  auditTrail: 38,
  tablesFit: 40,
  refunds: 41,
} as const

/** Every demo order a flow or the demo statement may pay. */
export const touchedOrderIndexes: number[] = [...statementOrderIndexes, ...Object.values(FLOW_ORDERS).flat()]

/** A demo customer with exactly one order that the demo statement leaves open: a payment from them with the right amount is a fair suggestion. */
function loneOrderIndex(taken: number[]): number {
  const skip = [...taken, ...statementOrderIndexes]
  const counts = new Map<string, number>()
  demoOrders.forEach((o) => counts.set(o.customerKey, (counts.get(o.customerKey) ?? 0) + 1))
  const index = demoOrders.findIndex((o, i) => !skip.includes(i) && counts.get(o.customerKey) === 1)
  return index >= 0 ? index : demoOrders.findIndex((_, i) => !skip.includes(i))
}

/** Demo order `index` (0-based): on a fresh demo its display id is index + 1, its invoice INV-(index + 1). */
export function demoOrder(index: number) {
  const order = demoOrders[index]
  const customer = demoCustomers.find((c) => c.key === order.customerKey)!
  return { index, displayId: index + 1, invoice: `INV-${index + 1}`, totalCents: order.totalCents, payer: `${customer.first_name} ${customer.last_name}`, customer }
}

export const euros = (cents: number) => Number((cents / 100).toFixed(2))

/** The admin API with the browser's login (cookie session): JSON in, JSON out, errors with the route and the answer. */
export function adminApi(page: Page, adminUrl: string) {
  const backend = new URL(adminUrl).origin
  const call = async <T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> => {
    const answer = await page.evaluate(
      async ({ url, method, body }) => {
        const res = await fetch(url, {
          method,
          credentials: "include",
          headers: body === undefined ? {} : { "content-type": "application/json" },
          body: body === undefined ? undefined : JSON.stringify(body),
        })
        return { status: res.status, text: await res.text() }
      },
      { url: `${backend}${path}`, method, body }
    )
    if (answer.status >= 300) {
      throw new Error(`${method} ${path} answered ${answer.status}: ${answer.text.slice(0, 500)}`)
    }
    return JSON.parse(answer.text) as T
  }
  return {
    get: <T>(path: string) => call<T>("GET", path),
    post: <T>(path: string, body: unknown = {}) => call<T>("POST", path, body),
  }
}

/** The sandbox's scenario control (`/__sandbox/…`). */
async function sandboxPost(sandboxUrl: string, path: string, body: unknown) {
  const res = await fetch(`${sandboxUrl}/__sandbox${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })
  if (!res.ok) {
    throw new Error(`sandbox ${path} answered ${res.status}: ${await res.text()}`)
  }
  return res.json()
}

export type LinkedGirokonto = { interfaceId: string; interfaceUrl: string; accountId: string; finapiAccountId: string; iban: string }
type AccountRow = { id: string; name: string; iban: string; finapi_account_id: string; connection: { interface_id: string; status: string } }

/**
 * The demo's "Hausbank": an interface connected to finAPI with the finAPI Test Bank's Girokonto
 * linked (the account the sandbox fills with the demo's statement). Linked through the admin API
 * when no flow has linked it yet. Only the Girokonto: the online-banking flow links the bank's other
 * two accounts through the web form, so the demo never has the statement twice.
 */
export async function ensureLinkedGirokonto({ demo, page }: FlowContext): Promise<LinkedGirokonto> {
  const api = adminApi(page, demo.adminUrl)
  const found = async () => {
    const { accounts } = await api.get<{ accounts: AccountRow[] }>(`${API}/accounts?limit=200`)
    return accounts.find((a) => a.name === "Girokonto")
  }
  let giro = await found()
  if (!giro) {
    const created = (await api.post<{ interface: { id: string } }>(`${API}/interfaces`, { name: "Hausbank", description: "Sparkasse main account" })).interface
    await api.post(`${API}/interfaces/${created.id}/connect`)
    const pending = (await api.post<{ bank_connection: { id: string; web_form_id: string } }>(`${API}/interfaces/${created.id}/web-forms`, { label: "Sparkasse" })).bank_connection
    await sandboxPost(demo.sandboxUrl, `/webForms/${pending.web_form_id}/complete`, { savePin: true, accountSlots: [0] })
    await api.post(`${API}/bank-connections/${pending.id}/refresh`)
    giro = await found()
    if (!giro) {
      throw new Error("linked the finAPI Test Bank's Girokonto, but the accounts list does not show it")
    }
  }
  return {
    interfaceId: giro.connection.interface_id,
    interfaceUrl: `${demo.adminUrl}/settings/online-banking/${giro.connection.interface_id}`,
    accountId: giro.id,
    finapiAccountId: giro.finapi_account_id,
    iban: giro.iban,
  }
}

export type BankPayment = { amount: number; purpose: string; counterpartName: string; counterpartIban?: string }

/** Incoming payments arrive at the account in the demo's finAPI sandbox (not imported yet). */
export async function addBankPayments(sandboxUrl: string, finapiAccountId: string, transactions: BankPayment[]) {
  await sandboxPost(sandboxUrl, `/accounts/${finapiAccountId}/transactions`, { transactions })
}

export type Transaction = {
  id: string
  purpose: string
  status: string
  assignments: { id: string; order_id: string; status: string; source: string; order?: { display_id: number } }[]
}

/** "Get data" for the Girokonto and "Assign automatically", through the admin API. */
export async function importAndAssign(flow: FlowContext, giro: LinkedGirokonto) {
  const api = adminApi(flow.page, flow.demo.adminUrl)
  await api.post(`${API}/transactions/import`, { account_id: giro.accountId })
  await api.post(`${API}/auto-assign`)
}

/**
 * Payments that arrive at the linked Girokonto for this flow alone, imported and run through
 * automatic assignment; returns the imported transactions by purpose.
 */
export async function paymentsFor(flow: FlowContext, payments: BankPayment[]): Promise<Map<string, Transaction>> {
  const giro = await ensureLinkedGirokonto(flow)
  await addBankPayments(flow.demo.sandboxUrl, giro.finapiAccountId, payments)
  await importAndAssign(flow, giro)
  const found = new Map<string, Transaction>()
  for (const payment of payments) {
    found.set(payment.purpose, await transactionWithPurpose(flow, payment.purpose))
  }
  return found
}

/** The imported transaction whose purpose is exactly `purpose`. */
export async function transactionWithPurpose({ demo, page }: FlowContext, purpose: string): Promise<Transaction> {
  const { transactions } = await adminApi(page, demo.adminUrl).get<{ transactions: Transaction[] }>(`${API}/transactions?q=${encodeURIComponent(purpose)}&limit=200`)
  const exact = transactions.filter((t) => t.purpose === purpose)
  if (exact.length !== 1) {
    throw new Error(`expected one imported payment "${purpose}", found ${exact.length}`)
  }
  return exact[0]
}

/** Every transaction of an account (pages of 200). */
export async function accountTransactions({ demo, page }: FlowContext, accountId: string): Promise<Transaction[]> {
  const api = adminApi(page, demo.adminUrl)
  const all: Transaction[] = []
  for (let offset = 0; ; offset += 200) {
    const { transactions } = await api.get<{ transactions: Transaction[] }>(`${API}/transactions?account_id=${accountId}&limit=200&offset=${offset}`)
    all.push(...transactions)
    if (transactions.length < 200) {
      return all
    }
  }
}

/** The demo statement imported and through automatic assignment once (importing again only finds it known). */
export async function ensureStatementImported(flow: FlowContext) {
  const giro = await ensureLinkedGirokonto(flow)
  await importAndAssign(flow, giro)
  return giro
}

/** Books confirmed assignments through the admin API (the booking view's "Start booking"). */
export async function bookAssignments({ demo, page }: FlowContext, assignmentIds: string[]) {
  await adminApi(page, demo.adminUrl).post(`${API}/bookings`, { assignment_ids: assignmentIds })
}
