import { Badge, Button, Checkbox, Text } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import type { BankTransaction } from "../../hooks/incoming-payments"
import type { RefundCandidate } from "../../hooks/refunds"
import { formatDate, formatIban, formatMoney } from "../../lib/format"
import { AssignDrawer } from "../incoming-payments/assign-drawer"

type Props = { rows: RefundCandidate[]; selected: Set<string>; onToggle: (ids: string[], on: boolean) => void }

const REASON_COLORS = { cancelled_order: "orange", duplicate: "purple", overpayment: "blue", no_order: "grey" } as const

/** As the assign drawer needs it: a late payment can go to another open order of the same customer instead. */
const asTransaction = (row: RefundCandidate) =>
  ({ ...row, amount: Number(row.amount), account_id: "", end_to_end_reference: null, is_potential_duplicate: row.reason === "duplicate", account: null }) as unknown as BankTransaction

/** Payments with money to give back, a checkbox each; a payment for a cancelled order can also be assigned to another order. */
export const RefundCandidatesTable = ({ rows, selected, onToggle }: Props) => {
  const { t, i18n } = useTranslation()
  const [assigning, setAssigning] = useState<BankTransaction | null>(null)
  // a SEPA transfer carries euros only: a payment in another currency is refunded by hand
  const sepa = (row: RefundCandidate) => row.currency_code.toUpperCase() === "EUR"
  const ids = rows.filter(sepa).map((r) => r.id)
  const all = ids.length > 0 && ids.every((id) => selected.has(id))
  return (
    <>
    <AssignDrawer transaction={assigning} onOpenChange={(open) => !open && setAssigning(null)} />
    <div data-testid="finapi-refund-candidates">
    <table className="w-full txt-compact-small">
      <thead className="text-ui-fg-subtle">
        <tr className="border-b">
          <th className="w-10 px-6 py-2 text-left">
            <Checkbox checked={all} onCheckedChange={(on) => onToggle(ids, on === true)} aria-label={t("finapi.refunds.selectAll")} />
          </th>
          <th className="py-2 text-left">{t("finapi.refunds.payment")}</th>
          <th className="py-2 text-left">{t("finapi.refunds.reason")}</th>
          <th className="py-2 text-left">{t("finapi.refunds.payer")}</th>
          <th className="py-2 text-right">{t("finapi.refunds.surplus")}</th>
          <th className="px-6 py-2 text-right" />
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} className="border-b last:border-b-0" data-testid="finapi-refund-candidate">
            <td className="px-6 py-2">
              <Checkbox
                checked={selected.has(row.id)}
                disabled={!sepa(row)}
                onCheckedChange={(on) => onToggle([row.id], on === true)}
                aria-label={t("finapi.refunds.select")}
              />
            </td>
            <td className="max-w-[280px] py-2">
              <Text size="small">{`${formatDate(row.booking_date, i18n.language)} · ${formatMoney(row.amount, row.currency_code.toUpperCase(), i18n.language)}`}</Text>
              <Text size="small" className="truncate text-ui-fg-subtle">{row.purpose ?? "–"}</Text>
            </td>
            <td className="whitespace-nowrap py-2 pr-4">
              <Badge size="2xsmall" color={REASON_COLORS[row.reason]}>{t(`finapi.refunds.reasons.${row.reason}`)}</Badge>
              {row.order_id && (
                <Link className="block text-ui-fg-interactive txt-compact-small" to={`/orders/${row.order_id}`}>{t("finapi.refunds.openOrder")}</Link>
              )}
            </td>
            <td className="py-2">
              <Text size="small">{row.counterpart_name ?? "–"}</Text>
              <Text size="small" className="whitespace-nowrap text-ui-fg-subtle">{formatIban(row.counterpart_iban)}</Text>
            </td>
            <td className="py-2 text-right">
              {formatMoney(row.surplus, row.currency_code.toUpperCase(), i18n.language)}
              {!sepa(row) && <Text size="small" className="whitespace-nowrap text-ui-fg-subtle">{t("finapi.refunds.notSepa")}</Text>}
            </td>
            <td className="px-6 py-2 text-right">
              {row.reason === "cancelled_order" && (
                <Button size="small" variant="secondary" onClick={() => setAssigning(asTransaction(row))}>{t("finapi.assignment.assign")}</Button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    </div>
    </>
  )
}
