import { Button, Drawer, Heading, Input, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import type { BankTransaction } from "../../hooks/incoming-payments"
import { useIgnoreTransaction, useTransactionAssignments } from "../../hooks/payment-assignments"
import { fromCents, toCents } from "../../lib/cents"
import { formatDate, formatIban, formatMoney } from "../../lib/format"
import { AssignOrderPicker } from "./assign-order-picker"
import { AssignmentList } from "./assignment-list"
import { PaymentTrail } from "./payment-trail"

type Props = { transaction: BankTransaction | null; onOpenChange: (open: boolean) => void }

/**
 * The drawer for one payment (opened from the list, by click or keyboard): the full purpose, its
 * assignments and suggestions, manual assignment, "not for this shop", and the audit trail.
 */
export const AssignDrawer = ({ transaction, onOpenChange }: Props) => {
  const { t } = useTranslation()
  return (
    <Drawer open={!!transaction} onOpenChange={onOpenChange}>
      <Drawer.Content aria-describedby={undefined}>
        <Drawer.Header>
          <Drawer.Title>{t("finapi.assignment.drawerTitle")}</Drawer.Title>
        </Drawer.Header>
        {transaction && <DrawerBody transaction={transaction} />}
      </Drawer.Content>
    </Drawer>
  )
}

const DrawerBody = ({ transaction }: { transaction: BankTransaction }) => {
  const { t, i18n } = useTranslation()
  const { data } = useTransactionAssignments(transaction.id, true)
  const currency = transaction.currency_code
  const status = data?.transaction.status ?? transaction.status
  const leftCents = toCents(transaction.amount) - toCents(data?.transaction.assigned_amount ?? 0)
  return (
    <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto" data-testid="finapi-assign-drawer">
      <div className="flex flex-col gap-y-1">
        <Heading level="h3">{formatMoney(transaction.amount, currency.toUpperCase(), i18n.language)}</Heading>
        <Text size="small">{`${formatDate(transaction.booking_date, i18n.language)} · ${transaction.counterpart_name ?? "–"}`}</Text>
        <Text size="small" className="text-ui-fg-subtle font-mono">{formatIban(transaction.counterpart_iban)}</Text>
        <Text size="small" className="text-ui-fg-subtle break-words">{transaction.purpose ?? "–"}</Text>
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
      <div className="flex flex-col gap-y-2">
        <Heading level="h3">{t("finapi.trail.title")}</Heading>
        <PaymentTrail transactionId={transaction.id} currency={currency} />
      </div>
    </Drawer.Body>
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
        <div style={{ flex: 1, minWidth: 0 }}>
          <Input size="small" className="w-full" placeholder={t("finapi.assignment.ignoreReasonPlaceholder")} value={text} onChange={(e) => setText(e.target.value)} aria-label={t("finapi.assignment.ignoreReason")} />
        </div>
        <Button size="small" variant="secondary" disabled={!text.trim()} isLoading={ignore.isPending} onClick={() => run(text.trim(), "finapi.assignment.ignored")}>
          {t("finapi.assignment.ignore")}
        </Button>
      </div>
    </div>
  )
}
