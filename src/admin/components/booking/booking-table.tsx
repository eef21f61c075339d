import { Checkbox, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import type { BookingRow } from "../../hooks/booking"
import { formatDate, formatMoney } from "../../lib/format"

type Props = { rows: BookingRow[]; selected: Set<string>; onToggle: (ids: string[], on: boolean) => void }

/** Confirmed, unbooked payments as rows with a checkbox each (and one for all shown). */
export const BookingTable = ({ rows, selected, onToggle }: Props) => {
  const { t, i18n } = useTranslation()
  const ids = rows.map((r) => r.assignment_id)
  const all = ids.length > 0 && ids.every((id) => selected.has(id))
  // fixed column widths: the tables of all customer groups line up
  return (
    <table className="w-full table-fixed txt-compact-small" data-testid="finapi-booking-table">
      <colgroup>
        <col className="w-16" />
        <col className="w-24" />
        <col className="w-[28%]" />
        <col />
        <col className="w-40" />
      </colgroup>
      <thead className="text-ui-fg-subtle">
        <tr className="border-b">
          <th className="w-10 px-6 py-2 text-left">
            <Checkbox checked={all} onCheckedChange={(on) => onToggle(ids, on === true)} aria-label={t("finapi.booking.selectAll")} />
          </th>
          <th className="py-2 text-left">{t("finapi.booking.order")}</th>
          <th className="py-2 text-left">{t("finapi.booking.customer")}</th>
          <th className="py-2 text-left">{t("finapi.booking.payment")}</th>
          <th className="px-6 py-2 text-right">{t("finapi.booking.amount")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.assignment_id} className="border-b last:border-b-0" data-testid="finapi-booking-row">
            <td className="px-6 py-2">
              <Checkbox checked={selected.has(row.assignment_id)} onCheckedChange={(on) => onToggle([row.assignment_id], on === true)} aria-label={t("finapi.booking.select")} />
            </td>
            <td className="py-2">{`#${row.order_display_id ?? "?"}`}</td>
            <td className="truncate py-2 pr-4" title={row.customer_email ?? undefined}>{row.customer_name ?? row.customer_email ?? "–"}</td>
            <td className="py-2 pr-4">
              <Text size="small" className="truncate">{`${formatDate(row.transaction?.booking_date ?? null, i18n.language)} · ${row.transaction?.counterpart_name ?? "–"}`}</Text>
              {row.booking_error && (
                <Text size="small" className="text-ui-fg-error" data-testid="finapi-booking-error">
                  {t("finapi.booking.notBookedBecause", { reason: row.booking_error })}
                </Text>
              )}
            </td>
            <td className="px-6 py-2 text-right">{formatMoney(row.amount, row.currency_code.toUpperCase(), i18n.language)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
