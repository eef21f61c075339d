import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { CheckCircleSolid } from "@medusajs/icons"
import { Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { AssignToOrderDrawer } from "../components/booking/assign-to-order-drawer"
import { OrderPrepaymentSection } from "../components/prepayment/order-prepayment-section"
import { useOrderBankPayments } from "../hooks/booking"
import { formatDate, formatMoney } from "../lib/format"

const COLORS = { proposed: "orange", confirmed: "blue", booking: "blue", booked: "green" } as const

/** On the order: its payment reference, what came by bank transfer, what is outstanding, and each assigned or booked bank payment. */
const OrderBankPaymentsWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { t, i18n } = useTranslation()
  const { data } = useOrderBankPayments(order.id)
  if (!data) {
    return null
  }
  const money = (amount: string) => formatMoney(amount, data.currency_code.toUpperCase(), i18n.language)
  return (
    <Container className="divide-y p-0" data-testid="finapi-order-bank-payments">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">{t("finapi.orderWidget.title")}</Heading>
        <AssignToOrderDrawer orderId={data.order_id} outstanding={data.outstanding} currency={data.currency_code} />
      </div>
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Row label={t("finapi.orderWidget.reference")} value={data.payment_reference.replace(/(.{4})/g, "$1 ").trim()} />
        <Row label={t("finapi.orderWidget.paidByBankTransfer")} value={money(data.paid_by_bank_transfer)} />
        <Row label={t("finapi.orderWidget.outstanding")} value={money(data.outstanding)} />
      </div>
      <OrderPrepaymentSection orderId={data.order_id} />
      {data.assignments.length === 0 ? (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">{t("finapi.orderWidget.none")}</Text>
      ) : (
        data.assignments.map((a) => (
          <div key={a.id} className="flex flex-col gap-y-1 px-6 py-3" data-testid="finapi-order-bank-payment">
            <div className="flex items-center justify-between">
              <Text size="small" weight="plus">{money(a.amount)}</Text>
              {a.status === "booked" ? (
                <span className="flex items-center gap-x-1 text-ui-tag-green-icon">
                  <CheckCircleSolid />
                  <Text size="small">{t("finapi.orderWidget.booked")}</Text>
                </span>
              ) : (
                <StatusBadge color={COLORS[a.status]}>{t(`finapi.assignment.status.${a.status}`)}</StatusBadge>
              )}
            </div>
            <Text size="small" className="text-ui-fg-subtle">{`${formatDate(a.transaction?.booking_date ?? null, i18n.language)} · ${a.transaction?.counterpart_name ?? "–"}`}</Text>
            {a.booking_error && <Text size="small" className="text-ui-fg-error">{a.booking_error}</Text>}
            {a.status === "booked" && <Text size="small" className="text-ui-fg-subtle">{t("finapi.orderWidget.refundHint")}</Text>}
            {a.status === "confirmed" && (
              <Link className="text-ui-fg-interactive txt-compact-small" to="/incoming-payments/booking">{t("finapi.orderWidget.goToBooking")}</Link>
            )}
          </div>
        ))
      )}
    </Container>
  )
}

const Row = ({ label, value }: { label: string; value: string }) => (
  <div className="flex items-center justify-between">
    <Text size="small" className="text-ui-fg-subtle">{label}</Text>
    <Text size="small">{value}</Text>
  </div>
)

export const config = defineWidgetConfig({ zone: "order.details.side.after" })

export default OrderBankPaymentsWidget
