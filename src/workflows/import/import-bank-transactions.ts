import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createSyncRunStep } from "../steps/create-sync-run"
import { finishSyncRunStep } from "../steps/finish-sync-run"
import { importAccountTransactionsStep } from "../steps/import-account-transactions"
import { registerNewTransactionNotificationsStep } from "../steps/register-new-transaction-notifications"
import { resolveImportAccountsStep } from "../steps/resolve-import-accounts"
import type { UserMetadata } from "../../modules/bank-reconciliation/finapi"

export const importBankTransactionsWorkflowId = "import-bank-transactions"

export const TRANSACTIONS_IMPORTED_EVENT = "bank_reconciliation.transactions_imported"

// Event payloads stay small however large an import is.
const EVENT_CHUNK = 500

export type ImportBankTransactionsInput = {
  /** Accounts to import; default: every account with import switched on. */
  account_ids?: string[]
  /** Only the accounts of this interface. */
  interface_id?: string
  trigger: "job" | "operator" | "webhook"
  triggered_by?: string | null
  /** Optional time frame on the bank booking date (`YYYY-MM-DD`, inclusive); without it the import is incremental. */
  booking_date_from?: string | null
  booking_date_to?: string | null
  /** A NEW_TRANSACTIONS push comes right after finAPI's own update: no need to ask for another. */
  skip_bank_update?: boolean
  page_size?: number
  update_timeout_ms?: number
  /** The operator's IP address and browser for finAPI (PSU metadata); none for jobs and pushes. */
  user_metadata?: UserMetadata | null
}

/**
 * Brings incoming payments from finAPI into Medusa exactly once: refreshes each bank connection,
 * reads the accounts' incoming, booked, non-adjusting transactions (incrementally from the import-date
 * cursor, or in a booking-date window), stores each (account, finAPI id) once, holds likely
 * duplicates back, records a sync run and emits `bank_reconciliation.transactions_imported`.
 */
export const importBankTransactionsWorkflow = createWorkflow(
  importBankTransactionsWorkflowId,
  function (input: ImportBankTransactionsInput) {
    const resolved = resolveImportAccountsStep(
      transform({ input }, ({ input }) => ({ account_ids: input.account_ids, interface_id: input.interface_id }))
    )
    const run = createSyncRunStep(
      transform({ input }, ({ input }) => ({
        trigger: input.trigger,
        triggered_by: input.triggered_by ?? null,
        interface_id: input.interface_id ?? null,
        account_id: input.account_ids?.length === 1 ? input.account_ids[0] : null,
        window_from: input.booking_date_from ?? null,
        window_to: input.booking_date_to ?? null,
      }))
    )
    const imported = importAccountTransactionsStep(
      transform({ input, resolved, run }, ({ input, resolved, run }) => ({
        sync_run_id: run.id,
        targets: resolved.targets,
        window: { from: input.booking_date_from ?? null, to: input.booking_date_to ?? null },
        skip_bank_update: input.skip_bank_update ?? false,
        page_size: input.page_size,
        update_timeout_ms: input.update_timeout_ms,
        user_metadata: input.user_metadata ?? null,
      }))
    )
    registerNewTransactionNotificationsStep(
      transform({ imported }, ({ imported }) => ({ account_ids: imported.imported_account_ids }))
    )
    const finished = finishSyncRunStep(
      transform({ run, imported, resolved }, ({ run, imported, resolved }) => ({
        sync_run_id: run.id,
        started_at: run.started_at,
        import: imported,
        skipped: resolved.skipped,
      }))
    )
    const events = transform({ imported, run }, ({ imported, run }) => importedEvents(run.id, imported))
    when("transactions-were-imported", { events }, ({ events }) => events.length > 0).then(() => {
      emitEventStep({ eventName: TRANSACTIONS_IMPORTED_EVENT, data: events })
    })
    return new WorkflowResponse(
      transform({ finished, imported }, ({ finished, imported }) => ({
        sync_run_id: finished.id,
        status: finished.status,
        counts: imported.counts,
        skipped: finished.skipped,
        errors: imported.errors,
      }))
    )
  }
)

/** The hand-off to matching, shared with the statement-file import: the run's new and held ids in small events. */
export function importedEvents(syncRunId: string, imported: { new_ids: string[]; held_ids: string[] }) {
  return [
    ...chunks(imported.new_ids).map((ids) => ({ sync_run_id: syncRunId, ids, held_ids: [] as string[] })),
    ...chunks(imported.held_ids).map((held_ids) => ({ sync_run_id: syncRunId, ids: [] as string[], held_ids })),
  ]
}

function chunks(ids: string[]): string[][] {
  const out: string[][] = []
  for (let i = 0; i < ids.length; i += EVENT_CHUNK) {
    out.push(ids.slice(i, i + EVENT_CHUNK))
  }
  return out
}
