import { StatusBadge, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { useOrderPrepayment } from "../../hooks/order-prepayment"
import { formatDate, formatDateTime, formatMoney } from "../../lib/format"

/**
 * The prepayment loop on the order: the payment deadline, each reminder and notification (sent, or
 * recorded without a template), why the order was cancelled, and payments that came after that.
 */
export const OrderPrepaymentSection = ({ orderId }: { orderId: string }) => {
  const { t, i18n } = useTranslation()
  const { data } = useOrderPrepayment(orderId)
  if (!data || (!data.deadline && !data.notices.length && !data.late_payments.length)) {
    return null
  }
  return (
    <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="finapi-order-prepayment">
      {data.deadline && (
        <div className="flex items-center justify-between">
          <Text size="small" className="text-ui-fg-subtle">{t("finapi.prepayment.deadline")}</Text>
          <Text size="small">{formatDate(data.deadline, i18n.language)}</Text>
        </div>
      )}
      {data.cancelled && (
        <Text size="small" className="text-ui-fg-error" data-testid="finapi-order-cancelled-reason">
          {t("finapi.prepayment.cancelledForNonPayment", { date: formatDate(data.cancelled.at, i18n.language) })}
        </Text>
      )}
      {data.notices.map((notice) => (
        <div key={notice.id} className="flex items-center justify-between" data-testid="finapi-order-notice">
          <Text size="small">
            {t(`finapi.prepayment.notices.${notice.kind}`, { n: notice.data?.reminder ?? "" })}
            <span className="text-ui-fg-subtle">{` · ${formatDateTime(notice.happened_at, i18n.language)}`}</span>
          </Text>
          <StatusBadge color={notice.sent ? "green" : "grey"}>{t(notice.sent ? "finapi.prepayment.sent" : "finapi.prepayment.noTemplate")}</StatusBadge>
        </div>
      ))}
      {data.late_payments.map((payment) => (
        <div key={payment.id} className="flex items-center justify-between" data-testid="finapi-order-late-payment">
          <Text size="small" className="text-ui-fg-subtle">
            {t("finapi.prepayment.latePayment", {
              amount: formatMoney(payment.amount, payment.currency_code.toUpperCase(), i18n.language),
              date: formatDate(payment.booking_date, i18n.language),
            })}
          </Text>
          {payment.refunded ? (
            <StatusBadge color="blue">{t("finapi.prepayment.refunded")}</StatusBadge>
          ) : (
            <Link className="text-ui-fg-interactive txt-compact-small" to="/incoming-payments/refunds">{t("finapi.prepayment.decide")}</Link>
          )}
        </div>
      ))}
    </div>
  )
}
