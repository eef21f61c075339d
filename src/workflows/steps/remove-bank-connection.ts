import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import type BankReconciliationModuleService from "../../modules/bank-reconciliation/service"

export const removeBankConnectionStepId = "remove-bank-connection"

/** Connections with nothing at finAPI any more: disconnected, failed, or a web form never completed. */
export const REMOVABLE_CONNECTION_STATUSES = ["disconnected", "failed", "pending"]

/**
 * Takes a connection without a finAPI counterpart off the list (soft delete). Its accounts, their
 * imported payments and assignments stay, so the history and the bookings are kept.
 * Compensation restores it.
 */
export const removeBankConnectionStep = createStep(
  removeBankConnectionStepId,
  async (input: { connection_id: string }, { container }) => {
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    const connection = await service.retrieveBankConnection(input.connection_id, { select: ["id", "status"] })
    if (!REMOVABLE_CONNECTION_STATUSES.includes(connection.status)) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Disconnect this bank connection first; then it can be removed from the list.")
    }
    await service.softDeleteBankConnections([connection.id])
    return new StepResponse({ id: connection.id }, connection.id)
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE).restoreBankConnections([id])
    }
  }
)
