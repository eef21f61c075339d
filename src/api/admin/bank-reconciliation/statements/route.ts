import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { importStatementFiles } from "../../../../workflows/import/import-statement-files"
import type { StatementFileResult } from "../../../../types/http"

/**
 * Imports uploaded bank statement files (multipart "files", several; "add_unknown_accounts" = "true"
 * adds unknown IBANs as file-only accounts). Each file is imported whole or not at all; the answer
 * lists each file's result or error (with error_code and error_params the admin translates). 400 when no
 * file could be imported, still with each file's result.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const files = (req as unknown as { files?: { originalname: string; buffer: Buffer }[] }).files ?? []
  if (!files.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, 'files: attach at least one statement file in the form field "files"', "no_files")
  }
  const body = (req.body ?? {}) as Record<string, unknown>
  const results = await importStatementFiles(req.scope, {
    files: files.map((f) => ({ name: f.originalname, bytes: f.buffer })),
    trigger: "operator",
    triggered_by: req.auth_context.actor_id,
    add_unknown_accounts: body.add_unknown_accounts === "true",
  })
  const failed = results.filter((r) => r.error)
  if (failed.length === results.length) {
    res.status(400).json({ type: MedusaError.Types.INVALID_DATA, code: "files_refused", message: failed.map((r) => r.error).join("\n"), results: results satisfies StatementFileResult[] })
    return
  }
  res.json({ results: results satisfies StatementFileResult[] })
}
