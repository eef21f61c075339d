import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import type { UserMetadata } from "../../modules/bank-reconciliation/finapi"
import BankReconciliationModuleService from "../../modules/bank-reconciliation/service"

export const renewBankConnectionStepId = "renew-bank-connection"

export type RenewBankConnectionInput = {
  connection_id: string
  /** The operator's IP address and browser, for finAPI (PSU metadata). */
  user_metadata?: UserMetadata | null
}

/**
 * "Renew": starts finAPI's background update of the connection. With a saved PIN and a valid
 * consent it completes by itself; otherwise finAPI answers WEB_FORM_REQUIRED and the operator
 * gets that form, which this connection then follows like an import form.
 */
export const renewBankConnectionStep = createStep(
  renewBankConnectionStepId,
  async (input: RenewBankConnectionInput, { container }) => {
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    return new StepResponse(await service.renewBankConnection(input.connection_id, input.user_metadata))
  }
)
