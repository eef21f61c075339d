import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { BANK_RECONCILIATION_MODULE } from "../../../../modules/bank-reconciliation"
import { verifyCallbackToken } from "../../../../modules/bank-reconciliation/callback-token"
import BankReconciliationModuleService from "../../../../modules/bank-reconciliation/service"
import { importBankTransactionsWorkflow } from "../../../../workflows/import-bank-transactions"

/**
 * finAPI signs nothing, so the NEW_TRANSACTIONS rule carries an unguessable handle
 * "<account id>.<secret>"; it is checked in constant time against the stored hash, and only then
 * is that account imported (finAPI has just updated it, so no new bank update is asked for).
 */
export async function startNotifiedImport(scope: MedusaContainer, handle: unknown): Promise<{ sync_run_id: string }> {
  const text = typeof handle === "string" ? handle : ""
  const [accountId] = text.split(".", 1)
  const service = scope.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
  const [account] = accountId ? await service.listBankAccounts({ id: accountId }, { select: ["id", "notification_handle_hash"] }) : []
  if (!verifyCallbackToken(text, account?.notification_handle_hash ?? null)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "Unknown callback")
  }
  const { result } = await importBankTransactionsWorkflow(scope).run({
    input: { trigger: "webhook", triggered_by: "finapi", account_ids: [account.id], skip_bank_update: true },
  })
  return { sync_run_id: result.sync_run_id }
}
