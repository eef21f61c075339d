import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import BankReconciliationModuleService from "../../modules/bank-reconciliation/service"
import type { SyncRunSkipCode } from "../../types/http"

export const resolveImportAccountsStepId = "resolve-import-accounts"

export type ImportTarget = {
  id: string
  iban: string | null
  currency_code: string | null
  finapi_account_id: string
  import_cursor: string | null
  interface_id: string
  connection_id: string
  finapi_bank_connection_id: string
  /** finAPI can refresh the connection by itself (saved PIN, consent valid). */
  can_update: boolean
}

/**
 * An account an import left out: the reason, and a finer code (with the English message for API
 * clients) that the admin translates.
 */
export type SkippedAccount = {
  account_id: string
  reason: "import_disabled" | "not_linked" | "needs_user_action" | "busy"
  code: SyncRunSkipCode
  message: string
}

export type ResolveImportAccountsInput = { account_ids?: string[]; interface_id?: string }

/**
 * Decides which accounts an import reads: the ones asked for, or every account with import switched
 * on. Accounts whose connection is not linked or needs the user (expired consent, SCA) are skipped,
 * each with the reason the run history shows.
 */
export const resolveImportAccountsStep = createStep(
  resolveImportAccountsStepId,
  async (input: ResolveImportAccountsInput, { container }) => {
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    const filters: Record<string, unknown> = input.account_ids?.length ? { id: input.account_ids } : { import_enabled: true, source: "finapi" }
    const accounts = await service.listBankAccounts(filters, { relations: ["connection", "connection.interface"] })
    const missing = (input.account_ids ?? []).filter((id) => !accounts.some((a) => a.id === id))
    if (missing.length) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Bank account "${missing[0]}" was not found. Refresh the list of accounts and pick one again.`)
    }
    const targets: ImportTarget[] = []
    const skipped: SkippedAccount[] = []
    for (const account of accounts) {
      const connection = account.connection
      if (input.interface_id && connection?.interface?.id !== input.interface_id) {
        continue
      }
      const skip = (reason: SkippedAccount["reason"], code: SkippedAccount["code"], message: string) => skipped.push({ account_id: account.id, reason, code, message })
      if (!connection) {
        skip("not_linked", "file_only", "This account is file-only: import its bank statement files (Incoming payments → Upload statement).")
      } else if (!account.import_enabled) {
        skip("import_disabled", "import_disabled", "Import is switched off for this account.")
      } else if (!connection.finapi_bank_connection_id || ["pending", "failed", "disconnected"].includes(connection.status)) {
        skip("not_linked", "not_linked", "The bank connection is not linked (anymore). Link the bank again in the online-banking settings.")
      } else if (connection.interface?.status !== "connected") {
        skip("not_linked", "interface_not_connected", "The online-banking interface is not connected to finAPI. Connect it in the online-banking settings.")
      } else if (["user_action_required", "consent_expired"].includes(connection.status) || connection.user_action_required) {
        skip("needs_user_action", "needs_user_action", "The bank connection needs you: its consent expired or the bank asks for a new login. Renew it in the online-banking settings.")
      } else {
        targets.push({
          id: account.id,
          iban: account.iban,
          currency_code: account.currency_code,
          finapi_account_id: account.finapi_account_id!,
          import_cursor: account.import_cursor ? new Date(account.import_cursor).toISOString() : null,
          interface_id: connection.interface.id,
          connection_id: connection.id,
          finapi_bank_connection_id: connection.finapi_bank_connection_id,
          can_update: connection.secrets_stored,
        })
      }
    }
    return new StepResponse({ targets, skipped })
  }
)
