import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { readStatementFile } from "../../modules/bank-reconciliation/statements/read-statement-file"
import { StatementFileError, type StatementErrorCode, type StatementErrorParams, type StatementWarning } from "../../modules/bank-reconciliation/statements/types"
import type { LeftOut } from "../../modules/bank-reconciliation/statements/statement-payments"
import { importStatementFileWorkflow, ImportStatementFileInput } from "./import-statement-file"

export type StatementFileResult = {
  file_name: string
  sync_run_id?: string
  counts?: { fetched: number; imported: number; known: number; filtered: number; held: number }
  left_out?: LeftOut
  /** What the reader noticed in a file it imported (balances that do not add up, a batch read as one payment), naming the place. */
  warnings?: string[]
  /** The warnings as codes with params (file, place, …), one per warning in the same order, for a translated message. */
  warning_codes?: { code: StatementWarning["code"]; params: StatementErrorParams }[]
  /** Why nothing of the file was imported: names the file and the place. */
  error?: string
  /** The same as a stable code with its params (file, place and what the code names), for a translated message. */
  error_code?: StatementErrorCode
  error_params?: StatementErrorParams
}

/**
 * Reads and imports several statement files, one after the other, each whole or not at all. A file
 * that cannot be read or refers to an unknown account is reported, not thrown, so the others still
 * import; anything else (the database) throws. Used by the admin upload and the CLI.
 */
export async function importStatementFiles(
  container: MedusaContainer,
  input: Omit<ImportStatementFileInput, "file" | "file_name"> & { files: { name: string; bytes: Buffer }[] }
): Promise<StatementFileResult[]> {
  const results: StatementFileResult[] = []
  for (const { name, bytes } of input.files) {
    try {
      const file = readStatementFile(bytes)
      const { result } = await importStatementFileWorkflow(container).run({
        input: { file_name: name, file, trigger: input.trigger, triggered_by: input.triggered_by, add_unknown_accounts: input.add_unknown_accounts },
      })
      results.push({
        file_name: name,
        sync_run_id: result.sync_run_id,
        counts: result.counts,
        left_out: result.left_out,
        ...(file.warnings.length
          ? {
              warnings: file.warnings.map((w) => `${name}: ${w.message}`),
              warning_codes: file.warnings.map((w) => ({ code: w.code, params: { file: name, place: w.place, ...w.params } })),
            }
          : {}),
      })
    } catch (error) {
      if (error instanceof StatementFileError) {
        results.push({ file_name: name, error: `${name}: ${error.message}`, error_code: error.code, error_params: { file: name, place: error.place, ...error.params } })
      } else if (MedusaError.isMedusaError(error) && (error as MedusaError).type === MedusaError.Types.INVALID_DATA) {
        // an account the file names is refused (resolve-statement-accounts): its code and params when it has them
        const { code, place, params } = error as MedusaError & { place?: string; params?: StatementErrorParams }
        const coded = code && params ? { error_code: code as StatementErrorCode, error_params: { file: name, place: place ?? "", ...params } } : {}
        results.push({ file_name: name, error: (error as Error).message, ...coded })
      } else {
        throw error
      }
    }
  }
  return results
}
