import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { BANK_RECONCILIATION_MODULE } from "../../../../modules/bank-reconciliation"
import { verifyCallbackToken } from "../../../../modules/bank-reconciliation/callback-token"
import BankReconciliationModuleService from "../../../../modules/bank-reconciliation/service"

/**
 * finAPI signs nothing, so the NEW_TRANSACTIONS rule carries an unguessable handle
 * "<account id>.<secret>"; it is checked in constant time against the stored hash, and only then is
 * the push recorded on the account. The import itself runs in the worker (job
 * finapi-import-notified-accounts), once for however many pushes and replays arrived meanwhile.
 */
export async function recordNotification(scope: MedusaContainer, handle: unknown): Promise<void> {
  const text = typeof handle === "string" ? handle : ""
  const [accountId] = text.split(".", 1)
  const service = scope.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
  const [account] = accountId ? await service.listBankAccounts({ id: accountId }, { select: ["id", "notification_handle_hash"] }) : []
  if (!verifyCallbackToken(text, account?.notification_handle_hash ?? null)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "Unknown callback")
  }
  await service.recordAccountNotification(account.id)
}
