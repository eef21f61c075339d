import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type { LearnedPayer } from "../../types/http"
export type { LearnedPayer }

const key = (customerId: string) => ["finapi", "learned-payers", customerId]
const path = (customerId: string) => `/admin/bank-reconciliation/customers/${customerId}/learned-payers`

/** Payer IBANs and names the plugin learned for a customer. */
export function useLearnedPayers(customerId: string) {
  return useQuery({
    queryKey: key(customerId),
    queryFn: () => sdk.client.fetch<{ learned_payers: LearnedPayer[] }>(path(customerId)),
  })
}

/** Forgets one of them; the engine stops using it at once. */
export function useForgetLearnedPayer(customerId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: { kind: LearnedPayer["kind"]; value: string }) =>
      sdk.client.fetch<{ learned_payers: LearnedPayer[] }>(`${path(customerId)}/remove`, { method: "POST", body }),
    onSuccess: (data) => client.setQueryData(key(customerId), data),
  })
}
