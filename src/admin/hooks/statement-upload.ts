import { useMutation, useQueryClient } from "@tanstack/react-query"
import { backendUrl } from "../lib/sdk"
import { incomingPaymentsKeys } from "./incoming-payments"
import type { StatementFileResult } from "../../types/http"
export type { StatementFileResult }

/** What an upload answered: each file's result, or (nothing imported, no file's result) the refusal's code and message. */
export type StatementUpload = { results: StatementFileResult[]; refused?: { code?: string; message: string } }

/**
 * Uploads statement files (multipart); each is imported whole or not at all. Fetched directly rather
 * than through the SDK: a 400 (every file refused) carries each file's result and error code, which
 * the SDK's error drops.
 */
export function useUploadStatements() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async ({ files, addUnknownAccounts }: { files: File[]; addUnknownAccounts: boolean }): Promise<StatementUpload> => {
      const form = new FormData()
      files.forEach((file) => form.append("files", file, file.name))
      form.append("add_unknown_accounts", String(addUnknownAccounts))
      // the browser sets multipart/form-data with its boundary; the admin's session cookie signs in
      const response = await fetch(`${backendUrl.replace(/\/$/, "")}/admin/bank-reconciliation/statements`, { method: "POST", body: form, credentials: "include" })
      const body = (await response.json().catch(() => ({}))) as { results?: StatementFileResult[]; code?: string; message?: string }
      if (response.ok || body.results?.length) {
        return { results: body.results ?? [] }
      }
      return { results: [], refused: { code: body.code, message: body.message ?? response.statusText } }
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: incomingPaymentsKeys.all }),
  })
}
