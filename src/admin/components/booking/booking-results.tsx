import { CheckCircleSolid, XCircleSolid } from "@medusajs/icons"
import { Container, Heading, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import type { BookingLineResult, BookingRow } from "../../hooks/booking"
import { formatMoney } from "../../lib/format"

/** The last "Start booking" run, line by line: a green check and "Open order", or why it failed. */
export const BookingResults = ({ results, rows }: { results: BookingLineResult[]; rows: Map<string, BookingRow> }) => {
  const { t, i18n } = useTranslation()
  if (!results.length) {
    return null
  }
  return (
    <Container className="divide-y p-0" data-testid="finapi-booking-results">
      <div className="px-6 py-4">
        <Heading level="h2">{t("finapi.booking.resultsTitle")}</Heading>
      </div>
      {results.map((result) => {
        const row = rows.get(result.assignment_id)
        return (
          <div key={result.assignment_id} className="flex items-center justify-between gap-x-4 px-6 py-3" data-testid="finapi-booking-result">
            <div className="flex items-center gap-x-2">
              {result.status === "booked" ? <CheckCircleSolid className="text-ui-tag-green-icon" /> : <XCircleSolid className="text-ui-tag-red-icon" />}
              <Text size="small" weight="plus">{`#${row?.order_display_id ?? "?"}${row?.customer_name ? ` · ${row.customer_name}` : ""}`}</Text>
              {row && <Text size="small">{formatMoney(result.amount ?? row.amount, row.currency_code.toUpperCase(), i18n.language)}</Text>}
            </div>
            {result.already_booked ? (
              <Text size="small" className="text-ui-fg-subtle">{t("finapi.booking.alreadyBooked")}</Text>
            ) : null}
            {result.status === "booked" ? (
              <Link className="text-ui-fg-interactive txt-compact-small" to={`/orders/${result.order_id ?? row?.order_id}`}>
                {t("finapi.booking.openOrder")}
              </Link>
            ) : (
              <Text size="small" className="text-ui-fg-error">{result.reason}</Text>
            )}
          </div>
        )
      })}
    </Container>
  )
}
