import { Text, Tooltip } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import type { PaymentAssignment } from "../../hooks/payment-assignments"
import { formatMoney } from "../../lib/format"
import { oneLine, width } from "../../lib/styles"
import { EvidenceList } from "./evidence-cell"

/** The column's content width in px. */
export const ASSIGNMENT_WIDTH = 160

/**
 * The list's assignment column: the first live assignment as "#order · amount" with the confidence
 * below, "+n" when there are more; the evidence on hover, everything in the drawer.
 */
export const AssignmentSummary = ({ assignments, currency, contentWidth = ASSIGNMENT_WIDTH }: { assignments?: PaymentAssignment[]; currency: string; contentWidth?: number }) => {
  const { t, i18n } = useTranslation()
  const live = (assignments ?? []).filter((a) => a.status !== "rejected")
  if (!live.length) {
    return <Text size="small" className="text-ui-fg-muted">–</Text>
  }
  const [first] = live
  return (
    <Tooltip content={<div className="flex flex-col gap-y-2">{live.map((a) => <EvidenceList key={a.id} assignment={a} />)}</div>}>
      <div className="flex flex-col" style={width(contentWidth)} data-testid="finapi-assignment-evidence">
        <span style={oneLine}>
          {`#${first.order?.display_id ?? "?"} · ${formatMoney(first.amount, currency.toUpperCase(), i18n.language)}`}
          {live.length > 1 ? ` +${live.length - 1}` : ""}
        </span>
        <span className="text-ui-fg-subtle text-xs" style={oneLine}>
          {first.confidence !== null
            ? t("finapi.assignment.confidenceShort", { percent: Math.round(first.confidence * 100) })
            : t(`finapi.assignment.source.${first.source}`)}
        </span>
      </div>
    </Tooltip>
  )
}
