import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import { bulkEntityIds } from "../../modules/bank-reconciliation/bulk-entity-ids"
import type { ReceivingAccount } from "../../modules/bank-reconciliation/incoming-transaction"
import BankReconciliationModuleService from "../../modules/bank-reconciliation/service"
import { incomingEntries, LeftOut, statementPaymentRows } from "../../modules/bank-reconciliation/statements/statement-payments"
import type { Statement } from "../../modules/bank-reconciliation/statements/types"
import type { ImportAccountTransactionsResult } from "./import-account-transactions"

export const importStatementEntriesStepId = "import-statement-entries"

// rows per insert statement, as the finAPI import stores a page of 500
const PAGE = 500

export type ImportStatementEntriesInput = {
  sync_run_id: string
  file_name: string
  statements: Statement[]
  /** The account of each statement, in the same order. */
  accounts: ReceivingAccount[]
}

/**
 * Stores a statement file's incoming payments (booked credits, no reversals) through the finAPI
 * import's insert, all in one transaction; counts what it read, stored, found known and left out
 * (by reason). Compensation removes what this run stored while nobody has touched it.
 */
export const importStatementEntriesStep = createStep(
  importStatementEntriesStepId,
  async (input: ImportStatementEntriesInput, { container }) => {
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    const leftOut: LeftOut = {}
    const pages: Parameters<typeof service.insertStatementTransactions>[0] = []
    let fetched = 0
    let incomingCount = 0
    input.statements.forEach((statement, i) => {
      fetched += statement.entries.length
      const incoming = incomingEntries(statement.entries, leftOut)
      incomingCount += incoming.length
      const rows = statementPaymentRows({
        entries: incoming,
        account: input.accounts[i],
        syncRunId: input.sync_run_id,
        ids: bulkEntityIds("btx", incoming.length),
        fileName: input.file_name,
      })
      for (let start = 0; start < rows.length; start += PAGE) {
        pages.push(rows.slice(start, start + PAGE))
      }
    })
    const stored = await service.insertStatementTransactions(pages)
    const held_ids = stored.filter((r) => r.is_potential_duplicate).map((r) => r.id)
    const result: ImportAccountTransactionsResult & { left_out: LeftOut } = {
      counts: {
        fetched,
        imported: stored.length,
        known: incomingCount - stored.length,
        filtered: fetched - incomingCount,
        held: held_ids.length,
      },
      new_ids: stored.filter((r) => !r.is_potential_duplicate).map((r) => r.id),
      held_ids,
      imported_account_ids: [...new Set(input.accounts.map((a) => a.id))],
      skipped: [],
      errors: [],
      left_out: leftOut,
    }
    return new StepResponse(result, input.sync_run_id)
  },
  async (syncRunId, { container }) => {
    if (syncRunId) {
      await container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE).deleteUntouchedTransactionsOfRun(syncRunId)
    }
  }
)
