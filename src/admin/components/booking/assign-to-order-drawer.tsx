import { Button, Drawer, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useBankTransactions, type BankTransaction } from "../../hooks/incoming-payments"
import { useAssignTransaction } from "../../hooks/payment-assignments"
import { fromCents, toCents } from "../../lib/cents"
import { formatDate, formatMoney } from "../../lib/format"

type Props = { orderId: string; outstanding: string; currency: string }

/** From the order: pick an unassigned incoming payment and assign it (up to what the order still owes) by hand. */
export const AssignToOrderDrawer = ({ orderId, outstanding, currency }: Props) => {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const { data } = useBankTransactions({ status: "unassigned", offset: 0, limit: 20 })
  return (
    <Drawer open={open} onOpenChange={setOpen}>
      <Drawer.Trigger asChild>
        <Button size="small" variant="secondary" disabled={toCents(outstanding) <= 0} data-testid="finapi-order-assign">{t("finapi.orderWidget.assignByHand")}</Button>
      </Drawer.Trigger>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>{t("finapi.orderWidget.assignTitle")}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-2 overflow-y-auto">
          {!data?.transactions.length && <Text size="small" className="text-ui-fg-subtle">{t("finapi.orderWidget.noOpenPayments")}</Text>}
          {open && data?.transactions.map((transaction) => (
            <PaymentChoice key={transaction.id} transaction={transaction} orderId={orderId} outstanding={outstanding} currency={currency} onDone={() => setOpen(false)} />
          ))}
        </Drawer.Body>
      </Drawer.Content>
    </Drawer>
  )
}

const PaymentChoice = ({ transaction, orderId, outstanding, currency, onDone }: Props & { transaction: BankTransaction; onDone: () => void }) => {
  const { t, i18n } = useTranslation()
  const assign = useAssignTransaction(transaction.id)
  const amount = fromCents(Math.min(toCents(transaction.amount), toCents(outstanding)))
  return (
    <div className="flex items-center justify-between gap-x-2 rounded-md border px-3 py-2">
      <div>
        <Text size="small" weight="plus">{formatMoney(transaction.amount, transaction.currency_code.toUpperCase(), i18n.language)}</Text>
        <Text size="small">{`${formatDate(transaction.booking_date, i18n.language)} · ${transaction.counterpart_name ?? "–"}`}</Text>
        <Text size="small" className="text-ui-fg-subtle">{transaction.purpose ?? "–"}</Text>
      </div>
      <Button
        size="small"
        isLoading={assign.isPending}
        disabled={transaction.currency_code.toLowerCase() !== currency.toLowerCase()}
        onClick={() =>
          assign.mutate([{ order_id: orderId, amount }], {
            onSuccess: () => {
              toast.success(t("finapi.orderWidget.assigned", { amount: formatMoney(amount, currency.toUpperCase(), i18n.language) }))
              onDone()
            },
            onError: (error: Error) => toast.error(error.message),
          })
        }
      >
        {t("finapi.orderWidget.assign", { amount: formatMoney(amount, currency.toUpperCase(), i18n.language) })}
      </Button>
    </div>
  )
}
