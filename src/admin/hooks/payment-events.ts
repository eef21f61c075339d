import { useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import { incomingPaymentsKeys } from "./incoming-payments"
import type { PaymentEventKind, PaymentTrailEntry } from "../../types/http"
export type { PaymentEventKind, PaymentTrailEntry }

/** A payment's audit trail; part of the incoming-payments keys, so every change refreshes it. */
export const usePaymentTrail = (transactionId: string, enabled: boolean) =>
  useQuery({
    queryKey: [...incomingPaymentsKeys.all, "events", transactionId],
    queryFn: () => sdk.client.fetch<{ events: PaymentTrailEntry[] }>(`/admin/bank-reconciliation/transactions/${transactionId}/events`),
    enabled,
  })
