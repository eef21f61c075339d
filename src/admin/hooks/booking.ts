import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import { incomingPaymentsKeys } from "./incoming-payments"
import type { BookAssignmentsResponse, BookingRow, BookingGroup, BookingList, BookingLineResult, OrderBankPayments } from "../../types/http"
export type { BookingRow, BookingGroup, BookingList, BookingLineResult, OrderBankPayments }

const BASE = "/admin/bank-reconciliation"

export const bookingKeys = {
  list: (groupBy: string) => [...incomingPaymentsKeys.all, "bookings", groupBy] as const,
  order: (orderId: string) => [...incomingPaymentsKeys.all, "order-bank-payments", orderId] as const,
}

export const useBookings = (groupBy: "customer" | "none") =>
  useQuery({
    queryKey: bookingKeys.list(groupBy),
    queryFn: () => sdk.client.fetch<BookingList>(`${BASE}/bookings`, { query: { group_by: groupBy } }),
  })

export const useBookAssignments = () => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (assignmentIds: string[]) =>
      sdk.client.fetch<BookAssignmentsResponse>(`${BASE}/bookings`, { method: "POST", body: { assignment_ids: assignmentIds } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: incomingPaymentsKeys.all }),
  })
}

export const useOrderBankPayments = (orderId: string) =>
  useQuery({
    queryKey: bookingKeys.order(orderId),
    queryFn: async () => (await sdk.client.fetch<{ bank_payments: OrderBankPayments }>(`${BASE}/orders/${orderId}/bank-payments`)).bank_payments,
  })
