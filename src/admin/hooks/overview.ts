import { useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import { incomingPaymentsKeys } from "./incoming-payments"

export type Overview = {
  open: { currency_code: string; amount: string; count: number }[]
  auto_share_30d: { auto: number; total: number }
  to_book: { currency_code: string; amount: string; count: number }[]
  consents: { id: string; label: string; bank_name: string | null; status: string; consent_expires_at: string | null }[]
  last_run: { id: string; status: string; trigger: string; started_at: string; imported_count: number; duplicate_count: number; fetched_count: number } | null
  days: { day: string; incoming: number; matched: number }[]
}

/** The header's figures; under the incoming-payments keys, so every import, assignment and booking refreshes them. */
export const useOverview = () =>
  useQuery({
    queryKey: [...incomingPaymentsKeys.all, "overview"],
    queryFn: async () => (await sdk.client.fetch<{ overview: Overview }>("/admin/bank-reconciliation/overview")).overview,
  })
