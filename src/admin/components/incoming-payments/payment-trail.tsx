import { Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { usePaymentTrail, type PaymentTrailEntry } from "../../hooks/payment-events"
import { formatDateTime, formatMoney } from "../../lib/format"

/** The payment's history in the drawer: imported, suggested/assigned, confirmed, rejected, ignored/undone, booked; each with time and actor. */
export const PaymentTrail = ({ transactionId, currency }: { transactionId: string; currency: string }) => {
  const { t, i18n } = useTranslation()
  const { data } = usePaymentTrail(transactionId, true)
  const events = data?.events ?? []
  return (
    <ol className="flex flex-col gap-y-2 border-l" style={{ paddingLeft: 16 }} data-testid="finapi-payment-trail">
      {events.map((event) => (
        <li key={event.id} className="flex flex-col" data-testid="finapi-trail-entry" data-kind={event.kind}>
          <Text size="small" weight="plus">{t(`finapi.trail.kind.${event.kind}`)}{orderPart(event, currency, i18n.language)}</Text>
          <Text size="xsmall" className="text-ui-fg-subtle">
            {`${formatDateTime(event.at, i18n.language)} · ${actorText(event, t)}${detailText(event, t)}`}
          </Text>
        </li>
      ))}
    </ol>
  )
}

function orderPart(event: PaymentTrailEntry, currency: string, locale: string): string {
  if (event.order_display_id === null) {
    return ""
  }
  const amount = event.amount ? ` · ${formatMoney(event.amount, currency.toUpperCase(), locale)}` : ""
  return ` · #${event.order_display_id}${amount}`
}

function actorText(event: PaymentTrailEntry, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (event.actor_type === "engine") {
    return event.confidence !== null
      ? t("finapi.trail.byEngineWithConfidence", { percent: Math.round(event.confidence * 100) })
      : t("finapi.trail.byEngine")
  }
  if (event.actor_type === "import") {
    const trigger = event.details?.trigger ? t(`finapi.incomingPaymentsPage.triggers.${event.details.trigger}`) : ""
    return [trigger, event.actor].filter(Boolean).join(" · ") || t("finapi.trail.byImport")
  }
  return event.actor ?? t("finapi.trail.byUnknownUser")
}

function detailText(event: PaymentTrailEntry, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (event.kind === "imported" && event.details?.sync_run_id) {
    return ` · ${t("finapi.trail.run", { id: event.details.sync_run_id })}`
  }
  if (event.kind === "booked" && event.details?.capture_id) {
    return ` · ${t("finapi.trail.capture", { id: event.details.capture_id })}`
  }
  if (event.kind === "ignored" && event.details?.reason) {
    return ` · ${event.details.reason}`
  }
  return ""
}
