import { accountFieldsFromFinapi, connectionFieldsFromFinapi } from "../bank-connection-state"
import type { BankConnection as FinapiBankConnection, DecimalAccount } from "../finapi"
import type BankReconciliationModuleService from "../service"

/**
 * Writes finAPI's view of one bank connection and its accounts into an existing bank_connection
 * row. Accounts are matched on their finAPI id, so running it twice changes nothing; the
 * operator's import switch and cursor are never touched. An account new at finAPI whose IBAN
 * belongs to a disconnected (or removed) connection of the same interface is that account linked
 * again: it moves to this connection with its payments and import cursor, so nothing is imported
 * twice. Returns the ids of accounts it created.
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
  const relinkable = await accountsOfOldConnections(service, connectionId, finapiAccounts)
  const toCreate: (ReturnType<typeof accountFieldsFromFinapi> & { connection_id: string })[] = []
  for (const account of finapiAccounts.filter((a) => a.bankConnectionId === finapiConnection.id)) {
    const fields = accountFieldsFromFinapi(account, now)
    const known = byFinapiId.get(fields.finapi_account_id)
    const previous = fields.iban ? relinkable.get(fields.iban) : undefined
    if (known) {
      await service.updateBankAccounts({ id: known.id, ...fields })
    } else if (previous) {
      await service.updateBankAccounts({ id: previous, connection_id: connectionId, import_enabled: true, ...fields })
      relinkable.delete(fields.iban!)
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

/** IBAN → account id of this interface's accounts whose connection is disconnected or removed. */
async function accountsOfOldConnections(service: BankReconciliationModuleService, connectionId: string, finapiAccounts: DecimalAccount[]) {
  const ibans = finapiAccounts.map((a) => a.iban).filter((iban): iban is string => !!iban)
  if (!ibans.length) {
    return new Map<string, string>()
  }
  const { interface_id } = await service.retrieveBankConnection(connectionId, { select: ["interface_id"] })
  const old = await service.listBankConnections({ interface_id, status: "disconnected" }, { select: ["id"], withDeleted: true })
  const removed = await service.listBankConnections({ interface_id, deleted_at: { $ne: null } }, { select: ["id"], withDeleted: true })
  const oldIds = [...old, ...removed].map((c) => c.id).filter((id) => id !== connectionId)
  if (!oldIds.length) {
    return new Map<string, string>()
  }
  const accounts = await service.listBankAccounts({ connection_id: oldIds, iban: ibans }, { select: ["id", "iban"] })
  return new Map(accounts.map((a) => [a.iban!, a.id]))
}
