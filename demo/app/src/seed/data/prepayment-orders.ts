/**
 * Two orders placed at checkout with the plugin's bank transfer (prepayment), after the 60 orders of
 * orders.ts (so those keep display ids 1–60 and invoices INV-1 … INV-60), from customers who have no
 * other order and no payment in the demo statement, with totals no other demo order has (so no
 * payment the browser tests write for a demo order could be meant for them). The seed places them in the past and lets the
 * plugin's prepayment job run over those days (demo/app/medusa-config.ts: reminders on days 3 and 7,
 * cancel after 14 days): `p01` has had reminder 1 and 2 and still waits for its transfer, `p02` had
 * both reminders and was cancelled for non-payment.
 */
export type DemoPrepaymentOrder = {
  key: string
  customerKey: string
  lines: { sku: string; quantity: number }[]
  /** Gross total in EUR cents (no shipping: both are over the free-shipping threshold). */
  totalCents: number
  /** How long before the seed the order was placed. */
  placedAgo: { days: number; minutes: number }
}

export const demoPrepaymentOrders: DemoPrepaymentOrder[] = [
  // placed 7 days and 40 minutes ago: reminder 1 on day 3, reminder 2 on day 7, deadline in under 7 days
  { key: "p01", customerKey: "c27", lines: [{ sku: "ESP-1000", quantity: 1 }, { sku: "FLT-500", quantity: 1 }, { sku: "EB-BLAU", quantity: 1 }], totalCents: 5090, placedAgo: { days: 7, minutes: 40 } },
  // placed 14 days and 35 minutes ago: its deadline passed in the last hour, the seed's own run of the job cancels it
  { key: "p02", customerKey: "c10", lines: [{ sku: "KM-BUCHE", quantity: 1 }, { sku: "FLT-500", quantity: 1 }], totalCents: 10050, placedAgo: { days: 14, minutes: 35 } },
]
