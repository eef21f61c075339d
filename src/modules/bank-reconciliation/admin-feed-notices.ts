/** A notice for the admin's notification feed; `key` makes it appear once. */
export type AdminFeedNotice = { key: string; title: string; description: string }

const DAY_MS = 24 * 60 * 60 * 1000
const CONSENT_WARNING_DAYS = [1, 7, 14] as const

/**
 * The consent warning due for a bank connection at `now`: 14, 7 and 1 day(s) before its PSD2
 * consent expires, each once per expiry date (a renewed consent warns again). Null when none is due.
 */
export function consentExpiryNotice(
  connection: { id: string; label: string; bank_name: string | null; consent_expires_at: Date | string | null },
  now: Date
): AdminFeedNotice | null {
  if (!connection.consent_expires_at) {
    return null
  }
  const expiresAt = new Date(connection.consent_expires_at)
  const daysLeft = Math.ceil((expiresAt.getTime() - now.getTime()) / DAY_MS)
  const threshold = CONSENT_WARNING_DAYS.find((days) => daysLeft >= 0 && daysLeft <= days)
  if (threshold === undefined) {
    return null
  }
  const name = connection.bank_name ? `${connection.label} (${connection.bank_name})` : connection.label
  return {
    key: `finapi-consent:${connection.id}:${expiresAt.toISOString().slice(0, 10)}:${threshold}`,
    title: `Bank consent expires in ${Math.max(daysLeft, 0)} day${daysLeft === 1 ? "" : "s"}`,
    description: `${name}: renew the PSD2 consent under Settings → Online banking before ${expiresAt.toISOString().slice(0, 10)}, or payments stop being imported.`,
  }
}

/** The daily notice that payments wait for the operator (suggestions, late payments for cancelled orders). */
export function decisionsNotice(counts: { proposed: number; cancelled_order: number }, now: Date): AdminFeedNotice | null {
  const total = counts.proposed + counts.cancelled_order
  if (!total) {
    return null
  }
  const parts = [
    counts.proposed ? `${counts.proposed} with a suggested order` : null,
    counts.cancelled_order ? `${counts.cancelled_order} for a cancelled order` : null,
  ].filter(Boolean)
  return {
    key: `finapi-decisions:${now.toISOString().slice(0, 10)}`,
    title: `${total} incoming payment${total === 1 ? " needs" : "s need"} a decision`,
    description: `${parts.join(", ")}. Open Incoming payments to confirm, assign or refund.`,
  }
}

/** What one run of the prepayment job did, for the operator: reminders sent, orders cancelled for non-payment. */
export function prepaymentRunNotice(result: { reminded: unknown[]; cancelled: { display_id: number | null }[] }, now: Date): AdminFeedNotice | null {
  if (!result.reminded.length && !result.cancelled.length) {
    return null
  }
  const cancelled = result.cancelled.map((order) => `#${order.display_id ?? "?"}`).join(", ")
  return {
    key: `finapi-prepayment-run:${now.toISOString()}`,
    title: `Prepayment: ${result.reminded.length} reminder(s) sent, ${result.cancelled.length} order(s) cancelled`,
    description: result.cancelled.length
      ? `Cancelled for non-payment (deadline passed, no payment assigned): ${cancelled}. Their reservations were released.`
      : "Customers whose bank transfer has not arrived were reminded.",
  }
}
