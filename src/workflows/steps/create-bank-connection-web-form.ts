import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import BankReconciliationModuleService, { BankConnectionWebFormInput } from "../../modules/bank-reconciliation/service"

export type CreateBankConnectionWebFormStepInput = BankConnectionWebFormInput

export const createBankConnectionWebFormStepId = "create-bank-connection-web-form"

/** Asks finAPI for a bank-connection import web form that calls back to this backend when finalised. */
export const createBankConnectionWebFormStep = createStep(
  createBankConnectionWebFormStepId,
  async (input: CreateBankConnectionWebFormStepInput, { container }) => {
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    return new StepResponse(await service.createBankConnectionWebForm(input))
  }
)
