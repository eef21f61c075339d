import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import type { StatementFile } from "../../modules/bank-reconciliation/statements/types"
import { importedEvents, TRANSACTIONS_IMPORTED_EVENT } from "./import-bank-transactions"
import { createSyncRunStep } from "../steps/create-sync-run"
import { finishSyncRunStep } from "../steps/finish-sync-run"
import { importStatementEntriesStep } from "../steps/import-statement-entries"
import { resolveStatementAccountsStep } from "../steps/resolve-statement-accounts"

export const importStatementFileWorkflowId = "import-statement-file"

export type ImportStatementFileInput = {
  file_name: string
  /** The file as readStatementFile read it. */
  file: StatementFile
  trigger: "operator" | "cli"
  triggered_by?: string | null
  /** Add an account of an unknown IBAN as a file-only account instead of refusing the file. */
  add_unknown_accounts?: boolean
}

/**
 * Imports a bank statement file (CAMT.053/054, MT940) whole or not at all: finds its accounts by
 * IBAN, stores its booked incoming payments through the finAPI import's insert (so a payment both
 * sources bring is stored once), records a file sync run with its counts and left-out reasons and
 * hands the new payments to matching with the finAPI import's event.
 */
export const importStatementFileWorkflow = createWorkflow(importStatementFileWorkflowId, function (input: ImportStatementFileInput) {
  const resolved = resolveStatementAccountsStep(
    transform({ input }, ({ input }) => ({
      file_name: input.file_name,
      statements: input.file.statements.map(({ iban, account_label, currency, place }) => ({ iban, account_label, currency, place })),
      add_unknown_accounts: input.add_unknown_accounts ?? false,
    }))
  )
  const run = createSyncRunStep(
    transform({ input, resolved }, ({ input, resolved }) => {
      const accounts = [...new Set(resolved.accounts.map((a) => a.id))]
      return {
        trigger: input.trigger,
        triggered_by: input.triggered_by ?? null,
        account_id: accounts.length === 1 ? accounts[0] : null,
        source: "file" as const,
        file_name: input.file_name,
      }
    })
  )
  const imported = importStatementEntriesStep(
    transform({ input, resolved, run }, ({ input, resolved, run }) => ({
      sync_run_id: run.id,
      file_name: input.file_name,
      statements: input.file.statements,
      accounts: resolved.accounts,
    }))
  )
  const finished = finishSyncRunStep(
    transform({ run, imported }, ({ run, imported }) => ({
      sync_run_id: run.id,
      started_at: run.started_at,
      import: imported,
      skipped: [],
      left_out: imported.left_out,
    }))
  )
  const events = transform({ imported, run }, ({ imported, run }) => importedEvents(run.id, imported))
  when("statement-payments-were-imported", { events }, ({ events }) => events.length > 0).then(() => {
    emitEventStep({ eventName: TRANSACTIONS_IMPORTED_EVENT, data: events }).config({ name: "emit-statement-payments-imported" })
  })
  return new WorkflowResponse(
    transform({ finished, imported, input }, ({ finished, imported, input }) => ({
      file_name: input.file_name,
      sync_run_id: finished.id,
      status: finished.status,
      counts: imported.counts,
      left_out: imported.left_out,
    }))
  )
})
