import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import { incomingPaymentsKeys } from "./incoming-payments"
import type { AssignmentStatus, AssignmentEvidence, PaymentAssignment, TransactionAssignments, OpenOrder, CustomerHit, AutoAssignSummary } from "../../types/http"
export type { AssignmentStatus, AssignmentEvidence, PaymentAssignment, TransactionAssignments, OpenOrder, CustomerHit, AutoAssignSummary }

const BASE = "/admin/bank-reconciliation"

const keys = {
  transaction: (id: string) => [...incomingPaymentsKeys.all, "assignments", id] as const,
  openOrders: (query: Record<string, string | undefined>) => [...incomingPaymentsKeys.all, "open-orders", query] as const,
  customers: (q: string) => [...incomingPaymentsKeys.all, "customers", q] as const,
}

const defined = (query: Record<string, string | undefined>) => Object.fromEntries(Object.entries(query).filter(([, v]) => !!v))

export const useTransactionAssignments = (transactionId: string, enabled: boolean) =>
  useQuery({
    queryKey: keys.transaction(transactionId),
    queryFn: () => sdk.client.fetch<TransactionAssignments>(`${BASE}/transactions/${transactionId}/assignments`),
    enabled,
  })

export const useOpenOrderSearch = (query: { q?: string; amount?: string; customer_id?: string; currency?: string }, enabled: boolean) =>
  useQuery({
    queryKey: keys.openOrders(query),
    queryFn: () => sdk.client.fetch<{ open_orders: OpenOrder[] }>(`${BASE}/open-orders/search`, { query: defined(query) }),
    enabled: enabled && !!(query.q || query.amount || query.customer_id),
    placeholderData: (previous) => previous,
  })

export const useCustomerSearch = (q: string) =>
  useQuery({
    queryKey: keys.customers(q),
    queryFn: () => sdk.client.fetch<{ customers: CustomerHit[] }>(`${BASE}/customers/search`, { query: { q } }),
    enabled: q.trim().length >= 2,
    placeholderData: (previous) => previous,
  })

/** Every change refreshes the list, the drawer and the searches (outstanding amounts move). */
function useAssignmentMutation<TBody, TResult = unknown>(request: (body: TBody) => Promise<TResult>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: request,
    onSettled: () => queryClient.invalidateQueries({ queryKey: incomingPaymentsKeys.all }),
  })
}

export const useAutoAssign = () =>
  useAssignmentMutation((_: void) => sdk.client.fetch<{ summary: AutoAssignSummary }>(`${BASE}/auto-assign`, { method: "POST", body: {} }))

export const useAssignTransaction = (transactionId: string) =>
  useAssignmentMutation((assignments: { order_id: string; amount: string }[]) =>
    sdk.client.fetch(`${BASE}/transactions/${transactionId}/assignments`, { method: "POST", body: { assignments } })
  )

export const useUpdateAssignment = () =>
  useAssignmentMutation(({ id, ...body }: { id: string; amount?: string; confirm?: boolean }) =>
    sdk.client.fetch(`${BASE}/assignments/${id}`, { method: "POST", body })
  )

export const useRemoveAssignment = () =>
  useAssignmentMutation((id: string) => sdk.client.fetch(`${BASE}/assignments/${id}`, { method: "DELETE" }))

export const useIgnoreTransaction = (transactionId: string) =>
  useAssignmentMutation((reason: string | null) =>
    reason === null
      ? sdk.client.fetch(`${BASE}/transactions/${transactionId}/ignore`, { method: "DELETE" })
      : sdk.client.fetch(`${BASE}/transactions/${transactionId}/ignore`, { method: "POST", body: { reason } })
  )
