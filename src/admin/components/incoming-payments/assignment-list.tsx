import { Button, Input, StatusBadge, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { PaymentAssignment, useRemoveAssignment, useUpdateAssignment } from "../../hooks/payment-assignments"
import { centsInput, isAmount, toCents } from "../../lib/cents"
import { formatMoney } from "../../lib/format"
import { EvidenceList } from "./evidence-cell"

const COLORS = { proposed: "orange", confirmed: "blue", booking: "blue", booked: "green", rejected: "grey" } as const

/** A payment's assignments: confirm or reject a suggestion, change an amount, remove an assignment until it is booked. */
export const AssignmentList = ({ assignments, currency }: { assignments: PaymentAssignment[]; currency: string }) => {
  const { t } = useTranslation()
  const live = assignments.filter((a) => a.status !== "rejected")
  if (!live.length) {
    return <Text size="small" className="text-ui-fg-subtle">{t("finapi.assignment.none")}</Text>
  }
  return (
    <div className="flex flex-col divide-y rounded-md border">
      {live.map((assignment) => (
        <AssignmentRow key={assignment.id} assignment={assignment} currency={currency} />
      ))}
    </div>
  )
}

const AssignmentRow = ({ assignment, currency }: { assignment: PaymentAssignment; currency: string }) => {
  const { t, i18n } = useTranslation()
  const [amount, setAmount] = useState(centsInput(toCents(assignment.amount), i18n.language))
  const update = useUpdateAssignment()
  const remove = useRemoveAssignment()
  const customer = assignment.customer
  const name = customer ? customer.company_name || [customer.first_name, customer.last_name].filter(Boolean).join(" ") : null
  const changed = isAmount(amount) && toCents(amount) !== toCents(assignment.amount)
  // mutateAsync: a removed row unmounts before mutate's callbacks would run
  const run = (action: Promise<unknown>, done: string) =>
    action.then(() => toast.success(t(done))).catch((error: Error) => toast.error(error.message))
  return (
    <div className="flex flex-col gap-y-2 px-3 py-2" data-testid="finapi-assignment-row">
      <div className="flex items-center justify-between gap-x-2">
        <Text size="small" weight="plus">{`#${assignment.order?.display_id ?? "?"}${name ? ` · ${name}` : ""}`}</Text>
        <StatusBadge color={COLORS[assignment.status]}>{t(`finapi.assignment.status.${assignment.status}`)}</StatusBadge>
      </div>
      <div className="text-ui-fg-subtle txt-compact-small flex flex-col gap-y-1" data-testid="finapi-assignment-evidence">
        {assignment.confidence !== null && <span>{t("finapi.assignment.confidence", { percent: Math.round(assignment.confidence * 100) })}</span>}
        <EvidenceList assignment={assignment} />
      </div>
      {assignment.status === "booked" ? (
        <Text size="small">{formatMoney(assignment.amount, currency.toUpperCase(), i18n.language)}</Text>
      ) : (
        <div className="flex items-center gap-x-2">
          <Input size="small" style={{ width: 112 }} value={amount} onChange={(e) => setAmount(e.target.value)} aria-label={t("finapi.assignment.amount")} />
          {changed && (
            <Button size="small" variant="secondary" isLoading={update.isPending} onClick={() => run(update.mutateAsync({ id: assignment.id, amount: amount.replace(",", ".") }), "finapi.assignment.updated")}>
              {t("finapi.assignment.saveAmount")}
            </Button>
          )}
          {assignment.status === "proposed" && (
            <Button size="small" isLoading={update.isPending} onClick={() => run(update.mutateAsync({ id: assignment.id, confirm: true, ...(changed ? { amount: amount.replace(",", ".") } : {}) }), "finapi.assignment.confirmedToast")}>
              {t("finapi.assignment.confirm")}
            </Button>
          )}
          <Button size="small" variant="transparent" isLoading={remove.isPending} onClick={() => run(remove.mutateAsync(assignment.id), assignment.status === "proposed" ? "finapi.assignment.rejectedToast" : "finapi.assignment.removed")}>
            {assignment.status === "proposed" ? t("finapi.assignment.reject") : t("finapi.assignment.remove")}
          </Button>
        </div>
      )}
    </div>
  )
}
