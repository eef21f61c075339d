import { useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import { incomingPaymentsKeys } from "./incoming-payments"
import type { Overview } from "../../types/http"
export type { Overview }

/** The header's figures; under the incoming-payments keys, so every import, assignment and booking refreshes them. */
export const useOverview = () =>
  useQuery({
    queryKey: [...incomingPaymentsKeys.all, "overview"],
    queryFn: async () => (await sdk.client.fetch<{ overview: Overview }>("/admin/bank-reconciliation/overview")).overview,
  })
