import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import { incomingPaymentsKeys } from "./incoming-payments"
import type { RefundReason, RefundCandidate, RefundExport } from "../../types/http"
export type { RefundReason, RefundCandidate, RefundExport }

const BASE = "/admin/bank-reconciliation/refunds"

export const refundKeys = {
  candidates: () => [...incomingPaymentsKeys.all, "refund-candidates"] as const,
  exports: () => [...incomingPaymentsKeys.all, "refund-exports"] as const,
}

export const useRefundCandidates = () =>
  useQuery({
    queryKey: refundKeys.candidates(),
    queryFn: () => sdk.client.fetch<{ candidates: RefundCandidate[]; count: number }>(`${BASE}/candidates`, { query: { limit: 500 } }),
  })

export const useRefundExports = () =>
  useQuery({
    queryKey: refundKeys.exports(),
    queryFn: () => sdk.client.fetch<{ refund_exports: RefundExport[]; count: number }>(BASE, { query: { limit: 20 } }),
  })

/** Exports the selected payments' surplus as one SEPA file; refreshes the candidates, the files and the payments. */
export const useExportRefunds = () => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: { transaction_ids: string[]; bank_account_id: string }) =>
      sdk.client.fetch<{ refund_export: RefundExport }>(BASE, { method: "POST", body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: incomingPaymentsKeys.all }),
  })
}

/** Where the stored file is downloaded (the admin's session cookie authenticates the link). */
export const refundFileUrl = (id: string) => `${import.meta.env.VITE_BACKEND_URL || ""}${BASE}/${id}/file`
