import { MedusaContainer } from "@medusajs/framework/types"
import { BANK_RECONCILIATION_MODULE } from "../modules/bank-reconciliation"
import type BankReconciliationModuleService from "../modules/bank-reconciliation/service"
import { importBankTransactionsWorkflow } from "../workflows/import/import-bank-transactions"

/**
 * Imports the accounts finAPI pushed NEW_TRANSACTIONS for since the last tick (the webhook only
 * records the push): one import per account per minute however often finAPI sent or replayed it.
 * finAPI has just updated those accounts, so no bank update is asked for.
 */
export default async function importNotifiedAccountsJob(container: MedusaContainer) {
  const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
  const accountIds = await service.claimNotifiedAccounts()
  if (accountIds.length) {
    await importBankTransactionsWorkflow(container).run({
      input: { trigger: "webhook", triggered_by: "finapi", account_ids: accountIds, skip_bank_update: true },
    })
  }
}

export const config = {
  name: "finapi-import-notified-accounts",
  schedule: { cron: "* * * * *", concurrency: "forbid" as const },
}
