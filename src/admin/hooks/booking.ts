import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import { incomingPaymentsKeys } from "./incoming-payments"

const BASE = "/admin/bank-reconciliation"

export type BookingRow = {
  assignment_id: string
  order_id: string
  order_display_id: number | null
  customer_id: string | null
  customer_name: string | null
  customer_email: string | null
  amount: string
  currency_code: string
  source: "auto" | "manual"
  booking_error: string | null
  transaction: { id: string; booking_date: string | null; counterpart_name: string | null; purpose: string | null } | null
}

export type BookingGroup = { customer_id: string | null; customer_name: string | null; customer_email: string | null; count: number; totals: Record<string, string>; rows: BookingRow[] }

export type BookingList = { bookings: BookingRow[]; groups?: BookingGroup[]; totals: Record<string, string>; count: number }

export type BookingLineResult = { assignment_id: string; status: "booked" | "failed"; reason?: string; order_id?: string; already_booked?: boolean; amount?: string | null }

export type OrderBankPayments = {
  order_id: string
  display_id: number | null
  currency_code: string
  payment_reference: string
  total: string
  paid_by_bank_transfer: string
  outstanding: string
  assignments: {
    id: string
    status: "proposed" | "confirmed" | "booked"
    amount: string
    booked_at: string | null
    booking_error: string | null
    transaction: { id: string; booking_date: string | null; counterpart_name: string | null; purpose: string | null } | null
  }[]
}

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
      sdk.client.fetch<{ results: BookingLineResult[]; booked: number; already_booked: number; failed: number }>(`${BASE}/bookings`, { method: "POST", body: { assignment_ids: assignmentIds } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: incomingPaymentsKeys.all }),
  })
}

export const useOrderBankPayments = (orderId: string) =>
  useQuery({
    queryKey: bookingKeys.order(orderId),
    queryFn: async () => (await sdk.client.fetch<{ bank_payments: OrderBankPayments }>(`${BASE}/orders/${orderId}/bank-payments`)).bank_payments,
  })
