import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import { accountImportLockKey } from "../../lib/lock-keys"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import type { BookingDateWindow } from "../../modules/bank-reconciliation/import-window"
import BankReconciliationModuleService, { BankDataUpdate, ImportCounts } from "../../modules/bank-reconciliation/service"
import type { UserMetadata } from "../../modules/bank-reconciliation/finapi"
import type { ImportTarget, SkippedAccount } from "./resolve-import-accounts"
import type { SyncRunErrorCode } from "../../types/http"

export const importAccountTransactionsStepId = "import-account-transactions"

export type ImportAccountTransactionsInput = {
  sync_run_id: string
  targets: ImportTarget[]
  window?: BookingDateWindow | null
  skip_bank_update?: boolean
  /** finAPI page size (1–500); tests use small pages to get many of them. */
  page_size?: number
  /** How long to wait for finAPI's update of a bank connection. */
  update_timeout_ms?: number
  /** Who asked for the import (finAPI's PSU metadata); default: nobody, a scheduled or pushed import. */
  user_metadata?: UserMetadata | null
}

export type ImportAccountTransactionsResult = {
  counts: ImportCounts
  new_ids: string[]
  held_ids: string[]
  imported_account_ids: string[]
  skipped: SkippedAccount[]
  errors: ImportAccountError[]
}

/**
 * An account whose import failed. The code (with detail: what finAPI or the import said) lets the
 * admin say it in the operator's language; the message is the English text for API clients.
 */
export type ImportAccountError = { account_id: string; code: Extract<SyncRunErrorCode, "update_failed" | "still_updating" | "import_failed">; detail?: string; message: string }

type CursorBefore = { id: string; import_cursor: Date | null; last_imported_at: Date | null }

// Long enough for 100 000 transactions; the lock is released as soon as the account is done.
const ACCOUNT_LOCK_SECONDS = 30 * 60

/**
 * Imports the incoming payments of each account: refreshes its bank connection at finAPI (when
 * finAPI can do that alone), then reads and stores page by page. One account at a time holds a lock,
 * so two workers never import the same account together; an account that is busy is skipped. A
 * failing account is recorded and does not stop the others. Compensation removes what this run stored
 * (while untouched) and restores the cursors.
 */
export const importAccountTransactionsStep = createStep(
  importAccountTransactionsStepId,
  async (input: ImportAccountTransactionsInput, { container }) => {
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    const locking = container.resolve(Modules.LOCKING)
    const result: ImportAccountTransactionsResult = {
      counts: { fetched: 0, imported: 0, known: 0, filtered: 0, held: 0 },
      new_ids: [],
      held_ids: [],
      imported_account_ids: [],
      skipped: [],
      errors: [],
    }
    const cursorsBefore: CursorBefore[] = []
    const updated = new Map<string, BankDataUpdate>()

    for (const target of input.targets) {
      const lockKey = accountImportLockKey(target.id)
      try {
        await locking.acquire(lockKey, { ownerId: input.sync_run_id, expire: ACCOUNT_LOCK_SECONDS })
      } catch {
        result.skipped.push({ account_id: target.id, reason: "busy", code: "busy", message: "Another import of this account is running; its result shows in the history." })
        continue
      }
      try {
        if (target.can_update && !input.skip_bank_update && !updated.has(target.connection_id)) {
          updated.set(
            target.connection_id,
            await service.updateFinapiBankData({
              interface_id: target.interface_id,
              finapi_bank_connection_id: target.finapi_bank_connection_id,
              timeout_ms: input.update_timeout_ms ?? 120_000,
              user_metadata: input.user_metadata,
            })
          )
        }
        const update = updated.get(target.connection_id)
        if (update?.outcome === "needs_user_action") {
          result.skipped.push({ account_id: target.id, reason: "needs_user_action", code: "bank_login_required", message: update.message })
          continue
        }
        if (update?.outcome === "failed") {
          result.errors.push({ account_id: target.id, code: update.code, detail: update.detail, message: update.message })
          continue
        }
        const imported = await service.importFinapiAccount({
          account: target,
          sync_run_id: input.sync_run_id,
          window: input.window ?? null,
          page_size: input.page_size ?? 500,
          counts_before: result.counts,
        })
        addCounts(result.counts, imported.counts)
        result.new_ids = result.new_ids.concat(imported.new_ids)
        result.held_ids = result.held_ids.concat(imported.held_ids)
        if (imported.before) {
          cursorsBefore.push(imported.before)
        }
        if (imported.error) {
          result.errors.push({ account_id: target.id, code: "import_failed", detail: imported.error, message: imported.error })
        } else {
          result.imported_account_ids.push(target.id)
        }
      } catch (error) {
        result.errors.push({ account_id: target.id, code: "import_failed", detail: (error as Error).message, message: (error as Error).message })
      } finally {
        await locking.release(lockKey, { ownerId: input.sync_run_id }).catch(() => undefined)
      }
    }
    return new StepResponse(result, { sync_run_id: input.sync_run_id, cursors: cursorsBefore })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    await service.deleteUntouchedTransactionsOfRun(undo.sync_run_id)
    if (undo.cursors.length) {
      await service.updateBankAccounts(undo.cursors)
    }
  }
)

function addCounts(total: ImportCounts, part: ImportCounts): void {
  total.fetched += part.fetched
  total.imported += part.imported
  total.known += part.known
  total.filtered += part.filtered
  total.held += part.held
}
