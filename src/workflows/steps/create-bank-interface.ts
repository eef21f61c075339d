import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import BankReconciliationModuleService from "../../modules/bank-reconciliation/service"

export type CreateBankInterfaceStepInput = { name: string; description?: string | null }

export const createBankInterfaceStepId = "create-bank-interface"

/** Creates an interface in status not_connected; compensation deletes it. */
export const createBankInterfaceStep = createStep(
  createBankInterfaceStepId,
  async (input: CreateBankInterfaceStepInput, { container }) => {
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    const created = await service.createBankInterfaces({ name: input.name, description: input.description ?? null })
    return new StepResponse(created, created.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    await container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE).deleteBankInterfaces(id)
  }
)
