import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import type { PayerKind } from "../../modules/bank-reconciliation/learned-payers"
import type BankReconciliationModuleService from "../../modules/bank-reconciliation/service"

export const forgetLearnedPayerStepId = "forget-learned-payer"

export type ForgetLearnedPayerInput = { customer_id: string; kind: PayerKind; value: string }

/** The engine stops using this IBAN or name for the customer; compensation brings it back. */
export const forgetLearnedPayerStep = createStep(
  forgetLearnedPayerStepId,
  async (input: ForgetLearnedPayerInput, { container }) => {
    const undo = await container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE).forgetPayer(input.customer_id, input.kind, input.value)
    return new StepResponse(undo, undo)
  },
  async (undo, { container }) => {
    if (undo) {
      await container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE).restoreForgottenPayer(undo)
    }
  }
)
