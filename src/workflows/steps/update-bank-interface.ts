import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import BankReconciliationModuleService from "../../modules/bank-reconciliation/service"

export type UpdateBankInterfaceStepInput = { id: string; name?: string; description?: string | null }

export const updateBankInterfaceStepId = "update-bank-interface"

/** Updates name/description; compensation restores the previous values. */
export const updateBankInterfaceStep = createStep(
  updateBankInterfaceStepId,
  async (input: UpdateBankInterfaceStepInput, { container }) => {
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    const previous = await service.retrieveBankInterface(input.id)
    const updated = await service.updateBankInterfaces(input)
    return new StepResponse(updated, { id: previous.id, name: previous.name, description: previous.description })
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    await container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE).updateBankInterfaces(previous)
  }
)
