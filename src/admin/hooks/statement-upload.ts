import { useMutation, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import { incomingPaymentsKeys } from "./incoming-payments"
import type { StatementFileResult } from "../../types/http"
export type { StatementFileResult }

/** Uploads statement files (multipart); each is imported whole or not at all. A 400 still carries the per-file results. */
export function useUploadStatements() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async ({ files, addUnknownAccounts }: { files: File[]; addUnknownAccounts: boolean }) => {
      const form = new FormData()
      files.forEach((file) => form.append("files", file, file.name))
      form.append("add_unknown_accounts", String(addUnknownAccounts))
      try {
        return await sdk.client.fetch<{ results: StatementFileResult[] }>("/admin/bank-reconciliation/statements", {
          method: "POST",
          body: form,
          // the browser sets multipart/form-data with its boundary
          headers: { "content-type": null as unknown as string },
        })
      } catch (error) {
        // every file failed: the route answers 400 with the message naming each file
        return { results: [{ file_name: "", error: (error as Error).message }] as StatementFileResult[] }
      }
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: incomingPaymentsKeys.all }),
  })
}
