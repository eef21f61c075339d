import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import BankReconciliationModuleService from "../../modules/bank-reconciliation/service"

export const deleteBankInterfaceStepId = "delete-bank-interface"

/** Soft-deletes an interface with its connections, accounts, transactions and open assignments; compensation restores them. */
export const deleteBankInterfaceStep = createStep(
  deleteBankInterfaceStepId,
  async (input: { id: string }, { container }) => {
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    const connections = await service.listBankConnections({ interface_id: input.id }, { select: ["id"] })
    const accounts = connections.length
      ? await service.listBankAccounts({ connection_id: connections.map((c) => c.id) }, { select: ["id"] })
      : []
    const transactions = accounts.length
      ? await service.listBankTransactions({ account_id: accounts.map((a) => a.id) }, { select: ["id"] })
      : []
    const assignments = transactions.length
      ? await service.listPaymentAssignments({ transaction_id: transactions.map((t) => t.id) }, { select: ["id"] })
      : []
    const removed = {
      interfaces: [input.id],
      connections: connections.map((c) => c.id),
      accounts: accounts.map((a) => a.id),
      transactions: transactions.map((t) => t.id),
      assignments: assignments.map((a) => a.id),
    }
    await service.softDeletePaymentAssignments(removed.assignments)
    await service.softDeleteBankTransactions(removed.transactions)
    await service.softDeleteBankAccounts(removed.accounts)
    await service.softDeleteBankConnections(removed.connections)
    await service.softDeleteBankInterfaces(removed.interfaces)
    return new StepResponse(removed, removed)
  },
  async (removed, { container }) => {
    if (!removed) {
      return
    }
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    await service.restoreBankInterfaces(removed.interfaces)
    await service.restoreBankConnections(removed.connections)
    await service.restoreBankAccounts(removed.accounts)
    await service.restoreBankTransactions(removed.transactions)
    await service.restorePaymentAssignments(removed.assignments)
  }
)
