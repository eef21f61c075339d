import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { readFile, stat } from "fs/promises"
import { basename } from "path"
import { MAX_STATEMENT_FILE_BYTES } from "../modules/bank-reconciliation/statements/read-statement-file"
import { importStatementFiles } from "../workflows/import/import-statement-files"

/**
 * Imports bank statement files (CAMT.053/054, MT940) fetched by EBICS or SFTP:
 *   npx medusa exec ./node_modules/medusa-plugin-finapi/.medusa/server/src/scripts/import-statement-files.js \
 *     [--add-unknown-accounts] FILE...
 * Each file is imported whole or not at all; one line per file. Exits with 1 when a file failed.
 */
export default async function importStatementFilesScript({ container, args }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const paths = args.filter((a) => !a.startsWith("--"))
  if (!paths.length) {
    logger.error("Name the statement files to import: medusa exec <this script> [--add-unknown-accounts] FILE...")
    process.exitCode = 1
    return
  }
  const files: { name: string; bytes: Buffer }[] = []
  for (const path of paths) {
    if ((await stat(path)).size > MAX_STATEMENT_FILE_BYTES) {
      logger.error(`${basename(path)}: larger than ${MAX_STATEMENT_FILE_BYTES / 1024 / 1024} MB; not imported`)
      process.exitCode = 1
      continue
    }
    files.push({ name: basename(path), bytes: await readFile(path) })
  }
  const results = await importStatementFiles(container, {
    files,
    trigger: "cli",
    triggered_by: "cli",
    add_unknown_accounts: args.includes("--add-unknown-accounts"),
  })
  for (const result of results) {
    if (result.error) {
      logger.error(result.error)
      process.exitCode = 1
    } else {
      const c = result.counts!
      const leftOut = Object.entries(result.left_out ?? {}).map(([reason, n]) => `${n} ${reason}`).join(", ")
      result.warnings?.forEach((warning) => logger.warn(warning))
      logger.info(`${result.file_name}: read ${c.fetched}, new ${c.imported}, known ${c.known}, left out ${c.filtered}${leftOut ? ` (${leftOut})` : ""}, held ${c.held}`)
    }
  }
}
