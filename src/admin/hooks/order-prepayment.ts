import { useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import { incomingPaymentsKeys } from "./incoming-payments"

export type OrderNoticeKind = "payment_received" | "partial_payment_received" | "payment_reminder" | "cancelled_for_non_payment" | "surplus_refunded"

export type OrderPrepayment = {
  order_id: string
  deadline: string | null
  reminder_days: number[]
  notices: { id: string; kind: OrderNoticeKind; key: string; happened_at: string; sent: boolean; template: string | null; data: Record<string, any> | null }[]
  cancelled: { at: string; reason: string; deadline: string | null } | null
  late_payments: { id: string; amount: string; currency_code: string; booking_date: string; counterpart_name: string | null; refunded: boolean }[]
}

export const useOrderPrepayment = (orderId: string) =>
  useQuery({
    queryKey: [...incomingPaymentsKeys.all, "order-prepayment", orderId] as const,
    queryFn: () => sdk.client.fetch<{ prepayment: OrderPrepayment }>(`/admin/bank-reconciliation/orders/${orderId}/prepayment`).then((r) => r.prepayment),
  })
