/** A notice for the admin's notification feed; `key` makes it appear once. */
export type AdminFeedNotice = { key: string; title: string; description: string }

/**
 * The language the feed's notices are written in (`prepayment.notifications.adminFeedLanguage`): the
 * feed shows stored text as it is, so a notice cannot follow each admin user's language.
 */
export const ADMIN_FEED_LANGUAGES = ["en", "de"] as const
export type AdminFeedLanguage = (typeof ADMIN_FEED_LANGUAGES)[number]

const DAY_MS = 24 * 60 * 60 * 1000
const CONSENT_WARNING_DAYS = [1, 7, 14] as const

const isoDay = (date: Date) => date.toISOString().slice(0, 10)
const germanDay = (date: Date) => isoDay(date).split("-").reverse().join(".")

/**
 * The consent warning due for a bank connection at `now`: 14, 7 and 1 day(s) before its PSD2
 * consent expires, each once per expiry date (a renewed consent warns again). Null when none is due.
 */
export function consentExpiryNotice(
  connection: { id: string; label: string; bank_name: string | null; consent_expires_at: Date | string | null },
  now: Date,
  language: AdminFeedLanguage = "en"
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
  const days = Math.max(daysLeft, 0)
  const key = `finapi-consent:${connection.id}:${isoDay(expiresAt)}:${threshold}`
  if (language === "de") {
    return {
      key,
      title: `Bankzustimmung läuft in ${days} Tag${days === 1 ? "" : "en"} ab`,
      description: `${name}: Erneuern Sie die PSD2-Zustimmung vor dem ${germanDay(expiresAt)} unter Einstellungen → Onlinebanking, sonst werden keine Zahlungen mehr importiert.`,
    }
  }
  return {
    key,
    title: `Bank consent expires in ${days} day${days === 1 ? "" : "s"}`,
    description: `${name}: renew the PSD2 consent under Settings → Online banking before ${isoDay(expiresAt)}, or payments stop being imported.`,
  }
}

/** The daily notice that payments wait for the operator (suggestions, late payments for cancelled orders). */
export function decisionsNotice(
  counts: { proposed: number; cancelled_order: number },
  now: Date,
  language: AdminFeedLanguage = "en"
): AdminFeedNotice | null {
  const total = counts.proposed + counts.cancelled_order
  if (!total) {
    return null
  }
  const de = language === "de"
  const parts = [
    counts.proposed ? (de ? `${counts.proposed} mit vorgeschlagener Bestellung` : `${counts.proposed} with a suggested order`) : null,
    counts.cancelled_order
      ? de
        ? `${counts.cancelled_order} für eine stornierte Bestellung`
        : `${counts.cancelled_order} for a cancelled order`
      : null,
  ].filter(Boolean)
  const key = `finapi-decisions:${isoDay(now)}`
  if (de) {
    return {
      key,
      title: `${total} ${total === 1 ? "Zahlungseingang wartet" : "Zahlungseingänge warten"} auf eine Entscheidung`,
      description: `${parts.join(", ")}. Unter Zahlungseingänge bestätigen, zuordnen oder erstatten.`,
    }
  }
  return {
    key,
    title: `${total} incoming payment${total === 1 ? " needs" : "s need"} a decision`,
    description: `${parts.join(", ")}. Open Incoming payments to confirm, assign or refund.`,
  }
}

/** What one run of the prepayment job did, for the operator: reminders sent, orders cancelled for non-payment. */
export function prepaymentRunNotice(
  result: { reminded: unknown[]; cancelled: { display_id: number | null }[] },
  now: Date,
  language: AdminFeedLanguage = "en"
): AdminFeedNotice | null {
  if (!result.reminded.length && !result.cancelled.length) {
    return null
  }
  const cancelled = result.cancelled.map((order) => `#${order.display_id ?? "?"}`).join(", ")
  const key = `finapi-prepayment-run:${now.toISOString()}`
  if (language === "de") {
    return {
      key,
      title: `Vorkasse: ${result.reminded.length} Erinnerung(en) gesendet, ${result.cancelled.length} Bestellung(en) storniert`,
      description: result.cancelled.length
        ? `Wegen Nichtzahlung storniert (Frist abgelaufen, keine Zahlung zugeordnet): ${cancelled}. Ihre Reservierungen wurden freigegeben.`
        : "Kunden, deren Überweisung noch nicht eingegangen ist, wurden erinnert.",
    }
  }
  return {
    key,
    title: `Prepayment: ${result.reminded.length} reminder(s) sent, ${result.cancelled.length} order(s) cancelled`,
    description: result.cancelled.length
      ? `Cancelled for non-payment (deadline passed, no payment assigned): ${cancelled}. Their reservations were released.`
      : "Customers whose bank transfer has not arrived were reminded.",
  }
}
