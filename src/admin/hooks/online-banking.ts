import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type { BankConnection, BankInterface, CallLogEntry } from "../lib/online-banking-types"

const BASE = "/admin/bank-reconciliation"
export const onlineBankingKeys = {
  all: ["finapi-online-banking"] as const,
  interfaces: () => [...onlineBankingKeys.all, "interfaces"] as const,
  interface: (id: string) => [...onlineBankingKeys.all, "interface", id] as const,
  connections: (id: string) => [...onlineBankingKeys.all, "connections", id] as const,
  log: (id: string) => [...onlineBankingKeys.all, "log", id] as const,
}

export const useBankInterfaces = () =>
  useQuery({
    queryKey: onlineBankingKeys.interfaces(),
    queryFn: () => sdk.client.fetch<{ interfaces: BankInterface[]; count: number }>(`${BASE}/interfaces`, { query: { limit: 200 } }),
  })

export const useBankInterface = (id: string) =>
  useQuery({
    queryKey: onlineBankingKeys.interface(id),
    queryFn: () => sdk.client.fetch<{ interface: BankInterface }>(`${BASE}/interfaces/${id}`),
  })

export const useBankConnections = (interfaceId: string, pollWhilePending: boolean) =>
  useQuery({
    queryKey: onlineBankingKeys.connections(interfaceId),
    queryFn: () => sdk.client.fetch<{ bank_connections: BankConnection[] }>(`${BASE}/interfaces/${interfaceId}/bank-connections`),
    refetchInterval: pollWhilePending ? 3000 : false,
  })

export const useCallLog = (interfaceId: string, page: { offset: number; limit: number } = { offset: 0, limit: 100 }) =>
  useQuery({
    queryKey: [...onlineBankingKeys.log(interfaceId), page],
    queryFn: () => sdk.client.fetch<{ log: CallLogEntry[]; count: number }>(`${BASE}/interfaces/${interfaceId}/log`, { query: page }),
    placeholderData: (previous) => previous,
  })

/** A POST or DELETE to the plugin's admin API; every online-banking view refreshes afterwards. */
export function useOnlineBankingAction<TResult = unknown>(method: "POST" | "DELETE" = "POST") {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ path, body }: { path: string; body?: Record<string, unknown> }) =>
      sdk.client.fetch<TResult>(`${BASE}${path}`, { method, body: method === "POST" ? body ?? {} : undefined }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: onlineBankingKeys.all }),
  })
}
