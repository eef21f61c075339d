import {
  accountFieldsFromFinapi,
  connectionFieldsFromFinapi,
} from "../../modules/bank-reconciliation/bank-connection-state"
import type { BankConnection as FinapiBankConnection, DecimalAccount } from "../../modules/bank-reconciliation/finapi"
import BankReconciliationModuleService from "../../modules/bank-reconciliation/service"

/**
 * Writes finAPI's view of one bank connection and its accounts into an existing bank_connection
 * row. Accounts are matched on their finAPI id, so running it twice changes nothing; the
 * operator's import switch and cursor are never touched. Returns the ids of accounts it created.
 */
export async function mirrorBankConnection(
  service: BankReconciliationModuleService,
  connectionId: string,
  finapiConnection: FinapiBankConnection,
  finapiAccounts: DecimalAccount[],
  now: Date
): Promise<string[]> {
  await service.updateBankConnections({ id: connectionId, ...connectionFieldsFromFinapi(finapiConnection, now) })
  const existing = await service.listBankAccounts({ connection_id: connectionId })
  const byFinapiId = new Map(existing.map((a) => [a.finapi_account_id, a]))
  const toCreate: (ReturnType<typeof accountFieldsFromFinapi> & { connection_id: string })[] = []
  for (const account of finapiAccounts.filter((a) => a.bankConnectionId === finapiConnection.id)) {
    const fields = accountFieldsFromFinapi(account, now)
    const known = byFinapiId.get(fields.finapi_account_id)
    if (known) {
      await service.updateBankAccounts({ id: known.id, ...fields })
    } else {
      toCreate.push({ connection_id: connectionId, ...fields })
    }
  }
  if (!toCreate.length) {
    return []
  }
  const created = await service.createBankAccounts(toCreate)
  return created.map((a) => a.id)
}
