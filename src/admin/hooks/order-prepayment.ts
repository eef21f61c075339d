import { useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import { incomingPaymentsKeys } from "./incoming-payments"
import type { OrderNoticeKind, OrderPrepayment } from "../../types/http"
export type { OrderNoticeKind, OrderPrepayment }

export const useOrderPrepayment = (orderId: string) =>
  useQuery({
    queryKey: [...incomingPaymentsKeys.all, "order-prepayment", orderId] as const,
    queryFn: () => sdk.client.fetch<{ prepayment: OrderPrepayment }>(`/admin/bank-reconciliation/orders/${orderId}/prepayment`).then((r) => r.prepayment),
  })
