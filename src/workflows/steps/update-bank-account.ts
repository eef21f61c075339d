import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import BankReconciliationModuleService from "../../modules/bank-reconciliation/service"

export const updateBankAccountStepId = "update-bank-account"

/** Switches the import of an account on or off; compensation restores the previous switch. */
export const updateBankAccountStep = createStep(
  updateBankAccountStepId,
  async (input: { id: string; import_enabled: boolean }, { container }) => {
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    const previous = await service.retrieveBankAccount(input.id)
    const updated = await service.updateBankAccounts({ id: input.id, import_enabled: input.import_enabled })
    return new StepResponse(updated, { id: previous.id, import_enabled: previous.import_enabled })
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    await container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE).updateBankAccounts(previous)
  }
)
