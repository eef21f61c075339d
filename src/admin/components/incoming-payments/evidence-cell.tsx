import { StatusBadge, Text, Tooltip } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import type { PaymentAssignment } from "../../hooks/payment-assignments"
import { formatMoney } from "../../lib/format"
import { EvidenceReasons } from "../evidence/reason-text"

const COLORS = { proposed: "orange", confirmed: "blue", booking: "blue", booked: "green", rejected: "grey" } as const

/** Each live assignment of a payment: order, amount, whether it is a suggestion, confidence, and the evidence on hover. */
export const EvidenceCell = ({ assignments, currency }: { assignments?: PaymentAssignment[]; currency: string }) => {
  const { t, i18n } = useTranslation()
  const live = (assignments ?? []).filter((a) => a.status !== "rejected")
  if (!live.length) {
    return <Text size="small" className="text-ui-fg-muted">–</Text>
  }
  return (
    <div className="flex flex-col gap-y-1">
      {live.map((assignment) => (
        <Tooltip key={assignment.id} content={<EvidenceList assignment={assignment} />}>
          <div className="flex items-center gap-x-2" data-testid="finapi-assignment-evidence">
            <StatusBadge color={COLORS[assignment.status]}>{t(`finapi.assignment.status.${assignment.status}`)}</StatusBadge>
            <Text size="small">
              {`#${assignment.order?.display_id ?? "?"} · ${formatMoney(assignment.amount, currency.toUpperCase(), i18n.language)}`}
            </Text>
            {assignment.confidence !== null && (
              <Text size="small" className="text-ui-fg-subtle">{`${Math.round(assignment.confidence * 100)} %`}</Text>
            )}
          </div>
        </Tooltip>
      ))}
    </div>
  )
}

/** Why the engine proposed an assignment, one line per signal (or who assigned it by hand). */
export const EvidenceList = ({ assignment }: { assignment: PaymentAssignment }) => {
  const { t } = useTranslation()
  const reasons = assignment.evidence?.reasons ?? []
  if (assignment.source === "manual" || !reasons.length) {
    return <span>{t(`finapi.assignment.source.${assignment.source}`)}</span>
  }
  return <EvidenceReasons reasons={reasons} />
}
