import { Button, Drawer, Heading, Input, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import type { BankTransaction } from "../../hooks/incoming-payments"
import { useIgnoreTransaction, useTransactionAssignments } from "../../hooks/payment-assignments"
import { fromCents, toCents } from "../../lib/cents"
import { formatDate, formatMoney } from "../../lib/format"
import { AssignOrderPicker } from "./assign-order-picker"
import { AssignmentList } from "./assignment-list"

/** The drawer for one payment: its assignments and suggestions, manual assignment, and "not for this shop". */
export const AssignDrawer = ({ transaction }: { transaction: BankTransaction }) => {
  const { t, i18n } = useTranslation()
  const [open, setOpen] = useState(false)
  const { data } = useTransactionAssignments(transaction.id, open)
  const currency = transaction.currency_code
  const status = data?.transaction.status ?? transaction.status
  const leftCents = toCents(transaction.amount) - toCents(data?.transaction.assigned_amount ?? 0)
  return (
    <Drawer open={open} onOpenChange={setOpen}>
      <Drawer.Trigger asChild>
        <Button size="small" variant="secondary" data-testid="finapi-assign-open">{t("finapi.assignment.assign")}</Button>
      </Drawer.Trigger>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>{t("finapi.assignment.drawerTitle")}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
          <div className="flex flex-col gap-y-1">
            <Heading level="h3">{formatMoney(transaction.amount, currency.toUpperCase(), i18n.language)}</Heading>
            <Text size="small">{`${formatDate(transaction.booking_date, i18n.language)} · ${transaction.counterpart_name ?? "–"}`}</Text>
            <Text size="small" className="text-ui-fg-subtle">{transaction.purpose ?? "–"}</Text>
            <Text size="small" className="text-ui-fg-subtle">
              {t("finapi.assignment.remaining", { amount: formatMoney(fromCents(leftCents), currency.toUpperCase(), i18n.language) })}
            </Text>
          </div>
          <div className="flex flex-col gap-y-2">
            <Heading level="h3">{t("finapi.assignment.current")}</Heading>
            <AssignmentList assignments={data?.assignments ?? []} currency={currency} />
          </div>
          {status !== "ignored" && leftCents > 0 && (
            <div className="flex flex-col gap-y-2">
              <Heading level="h3">{t("finapi.assignment.addOrders")}</Heading>
              <AssignOrderPicker transactionId={transaction.id} currency={currency} leftCents={leftCents} />
            </div>
          )}
          <IgnoreSection transactionId={transaction.id} status={status} reason={data?.transaction.ignore_reason ?? null} />
        </Drawer.Body>
      </Drawer.Content>
    </Drawer>
  )
}

const IgnoreSection = ({ transactionId, status, reason }: { transactionId: string; status: string; reason: string | null }) => {
  const { t } = useTranslation()
  const [text, setText] = useState("")
  const ignore = useIgnoreTransaction(transactionId)
  const run = (reason: string | null, done: string) =>
    ignore.mutateAsync(reason).then(() => toast.success(t(done))).catch((error: Error) => toast.error(error.message))
  if (status === "ignored") {
    return (
      <div className="flex items-center justify-between gap-x-2">
        <Text size="small">{t("finapi.assignment.ignoredWithReason", { reason })}</Text>
        <Button size="small" variant="secondary" isLoading={ignore.isPending} onClick={() => run(null, "finapi.assignment.unignored")}>
          {t("finapi.assignment.undoIgnore")}
        </Button>
      </div>
    )
  }
  if (status !== "unassigned" && status !== "proposed") {
    return null
  }
  return (
    <div className="flex flex-col gap-y-2">
      <Heading level="h3">{t("finapi.assignment.ignore")}</Heading>
      <div className="flex items-center gap-x-2">
        <Input size="small" placeholder={t("finapi.assignment.ignoreReasonPlaceholder")} value={text} onChange={(e) => setText(e.target.value)} aria-label={t("finapi.assignment.ignoreReason")} />
        <Button size="small" variant="secondary" disabled={!text.trim()} isLoading={ignore.isPending} onClick={() => run(text.trim(), "finapi.assignment.ignored")}>
          {t("finapi.assignment.ignore")}
        </Button>
      </div>
    </div>
  )
}
