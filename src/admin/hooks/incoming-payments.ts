import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type { BankTransactionStatus, BankTransaction, SyncRunStatus, SyncRun, ImportableAccount } from "../../types/http"
export type { BankTransactionStatus, BankTransaction, SyncRunStatus, SyncRun, ImportableAccount }

const BASE = "/admin/bank-reconciliation"

export type TransactionFilters = {
  status?: BankTransactionStatus
  q?: string
  account_id?: string
  offset: number
  limit: number
  processed?: "true" | "false"
  booking_date_from?: string
  booking_date_to?: string
  amount_min?: string
  amount_max?: string
  /** "booking_date", "-booking_date", "amount", "-amount" */
  order?: string
}

export const incomingPaymentsKeys = {
  all: ["finapi-incoming-payments"] as const,
  transactions: (filters: TransactionFilters) => [...incomingPaymentsKeys.all, "transactions", filters] as const,
  syncRuns: () => [...incomingPaymentsKeys.all, "sync-runs"] as const,
  accounts: () => [...incomingPaymentsKeys.all, "accounts"] as const,
}

export const useBankTransactions = (filters: TransactionFilters) =>
  useQuery({
    queryKey: incomingPaymentsKeys.transactions(filters),
    queryFn: () =>
      sdk.client.fetch<{ transactions: BankTransaction[]; count: number }>(`${BASE}/transactions`, {
        query: Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== "")),
      }),
    placeholderData: (previous) => previous,
  })

/** The run history; polls while a run is going so its counts move. */
export const useSyncRuns = (polling: boolean, page: { offset: number; limit: number } = { offset: 0, limit: 10 }) =>
  useQuery({
    queryKey: [...incomingPaymentsKeys.syncRuns(), page],
    queryFn: () => sdk.client.fetch<{ sync_runs: SyncRun[]; count: number }>(`${BASE}/sync-runs`, { query: page }),
    placeholderData: (previous) => previous,
    refetchInterval: (query) => (polling || query.state.data?.sync_runs.some((r) => r.status === "running") ? 1000 : false),
  })

export const useImportableAccounts = () =>
  useQuery({
    queryKey: incomingPaymentsKeys.accounts(),
    queryFn: () => sdk.client.fetch<{ accounts: ImportableAccount[] }>(`${BASE}/accounts`, { query: { limit: 200 } }),
  })

export type ImportRequest = { account_id?: string; booking_date_from?: string; booking_date_to?: string }

/** "Get data": runs an import and refreshes the list and the history. */
export function useImportTransactions() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: ImportRequest) =>
      sdk.client.fetch<{ sync_run: SyncRun; held_count: number }>(`${BASE}/transactions/import`, { method: "POST", body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: incomingPaymentsKeys.all }),
  })
}
