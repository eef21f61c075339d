import { useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import { incomingPaymentsKeys } from "./incoming-payments"

export type PaymentEventKind =
  | "imported"
  | "suggested"
  | "assigned"
  | "confirmed"
  | "amount_changed"
  | "rejected"
  | "removed"
  | "ignored"
  | "unignored"
  | "booked"

export type PaymentTrailEntry = {
  id: string
  kind: PaymentEventKind
  at: string
  actor_type: "engine" | "user" | "import"
  actor: string | null
  order_display_id: number | null
  amount: string | null
  confidence: number | null
  details: { sync_run_id?: string; trigger?: string; capture_id?: string | null; reason?: string } | null
}

/** A payment's audit trail; part of the incoming-payments keys, so every change refreshes it. */
export const usePaymentTrail = (transactionId: string, enabled: boolean) =>
  useQuery({
    queryKey: [...incomingPaymentsKeys.all, "events", transactionId],
    queryFn: () => sdk.client.fetch<{ events: PaymentTrailEntry[] }>(`/admin/bank-reconciliation/transactions/${transactionId}/events`),
    enabled,
  })
