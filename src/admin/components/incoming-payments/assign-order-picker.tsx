import { Button, Input, Label, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { CustomerHit, OpenOrder, useAssignTransaction, useCustomerSearch, useOpenOrderSearch } from "../../hooks/payment-assignments"
import { centsInput, fromCents, isAmount, toCents } from "../../lib/cents"
import { formatMoney } from "../../lib/format"

type Row = { order: OpenOrder; amount: string }

const customerLabel = (c: CustomerHit) => [[c.first_name, c.last_name].filter(Boolean).join(" "), c.company_name, c.email].filter(Boolean).join(" · ")

/**
 * Manual assignment: find the customer and open orders (by number, name or amount), put one or
 * several orders with amounts, then assign. Amounts start at what is open on both sides.
 */
export const AssignOrderPicker = ({ transactionId, currency, leftCents }: { transactionId: string; currency: string; leftCents: number }) => {
  const { t, i18n } = useTranslation()
  const [customerQ, setCustomerQ] = useState("")
  const [customer, setCustomer] = useState<CustomerHit | null>(null)
  const [orderQ, setOrderQ] = useState("")
  const [rows, setRows] = useState<Row[]>([])
  const customers = useCustomerSearch(customer ? "" : customerQ)
  const byAmount = isAmount(orderQ) && /[.,]/.test(orderQ)
  const orders = useOpenOrderSearch(
    { q: byAmount ? undefined : orderQ.trim() || undefined, amount: byAmount ? orderQ.replace(",", ".") : undefined, customer_id: customer?.id, currency },
    true
  )
  const assign = useAssignTransaction(transactionId)
  const money = (value: string | number) => formatMoney(value, currency.toUpperCase(), i18n.language)
  const planned = rows.reduce((sum, row) => sum + (isAmount(row.amount) ? toCents(row.amount) : 0), 0)
  const remaining = leftCents - planned

  const add = (order: OpenOrder) =>
    setRows((current) => [...current, { order, amount: centsInput(Math.max(0, Math.min(toCents(order.outstanding), remaining)), i18n.language) }])
  // mutateAsync: the picker unmounts once the payment is fully assigned, and mutate's callbacks would then be dropped
  const save = () =>
    assign
      .mutateAsync(rows.map((row) => ({ order_id: row.order.order_id, amount: row.amount.replace(",", ".") })))
      .then(() => {
        toast.success(t("finapi.assignment.assignedToast"))
        setRows([])
      })
      .catch((error: Error) => toast.error(error.message))

  return (
    <div className="flex flex-col gap-y-4">
      <div className="flex flex-col gap-y-2">
        <Label htmlFor="finapi-customer-search">{t("finapi.assignment.customerSearch")}</Label>
        {customer ? (
          <div className="flex items-center justify-between">
            <Text size="small">{customerLabel(customer)}</Text>
            <Button size="small" variant="transparent" onClick={() => setCustomer(null)}>{t("finapi.assignment.clearCustomer")}</Button>
          </div>
        ) : (
          <>
            <Input id="finapi-customer-search" size="small" type="search" placeholder={t("finapi.assignment.customerSearchPlaceholder")} value={customerQ} onChange={(e) => setCustomerQ(e.target.value)} />
            {(customers.data?.customers ?? []).slice(0, 5).map((hit) => (
              <Button key={hit.id} size="small" variant="transparent" className="justify-start" onClick={() => setCustomer(hit)}>{customerLabel(hit)}</Button>
            ))}
          </>
        )}
      </div>
      <div className="flex flex-col gap-y-2">
        <Label htmlFor="finapi-order-search">{t("finapi.assignment.orderSearch")}</Label>
        <Input id="finapi-order-search" size="small" type="search" placeholder={t("finapi.assignment.orderSearchPlaceholder")} value={orderQ} onChange={(e) => setOrderQ(e.target.value)} />
        {orders.data && !orders.data.open_orders.length && <Text size="small" className="text-ui-fg-subtle">{t("finapi.assignment.noOpenOrders")}</Text>}
        {(orders.data?.open_orders ?? [])
          .filter((order) => !rows.some((row) => row.order.order_id === order.order_id))
          .slice(0, 8)
          .map((order) => (
            <div key={order.order_id} className="flex items-center justify-between gap-x-2" data-testid="finapi-open-order">
              <Text size="small">{`#${order.display_id} · ${order.company_name || order.customer_name || order.email || ""} · ${t("finapi.assignment.outstanding", { amount: money(order.outstanding) })}`}</Text>
              <Button size="small" variant="secondary" onClick={() => add(order)}>{t("finapi.assignment.add")}</Button>
            </div>
          ))}
      </div>
      {!!rows.length && (
        <div className="flex flex-col gap-y-2">
          {rows.map((row, index) => (
            <div key={row.order.order_id} className="flex items-center justify-between gap-x-2" data-testid="finapi-assign-row">
              <Text size="small" weight="plus">{`#${row.order.display_id} · ${row.order.invoice_number ?? ""}`}</Text>
              <div className="flex items-center gap-x-2">
                <Input
                  size="small"
                  style={{ width: 112 }}
                  aria-label={t("finapi.assignment.amount")}
                  value={row.amount}
                  onChange={(e) => setRows((current) => current.map((r, i) => (i === index ? { ...r, amount: e.target.value } : r)))}
                />
                <Button size="small" variant="transparent" onClick={() => setRows((current) => current.filter((_, i) => i !== index))}>{t("finapi.assignment.remove")}</Button>
              </div>
            </div>
          ))}
          <Text size="small" className={remaining < 0 ? "text-ui-fg-error" : "text-ui-fg-subtle"}>
            {t("finapi.assignment.remaining", { amount: money(fromCents(remaining)) })}
          </Text>
          <Button size="small" data-testid="finapi-assign-save" onClick={save} isLoading={assign.isPending} disabled={remaining < 0 || rows.some((row) => !isAmount(row.amount) || toCents(row.amount) <= 0)}>
            {t("finapi.assignment.save")}
          </Button>
        </div>
      )}
    </div>
  )
}
