import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { BANK_RECONCILIATION_MODULE } from "../../../../../../../modules/bank-reconciliation"
import type BankReconciliationModuleService from "../../../../../../../modules/bank-reconciliation/service"
import { forgetLearnedPayerWorkflow } from "../../../../../../../workflows/assignment/forget-learned-payer"
import type { AdminForgetLearnedPayerType } from "../../../validators"

/** Forgets one payer IBAN or name of the customer; answers with what is still known. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminForgetLearnedPayerType>, res: MedusaResponse) => {
  await forgetLearnedPayerWorkflow(req.scope).run({ input: { customer_id: req.params.id, ...req.validatedBody } })
  const service = req.scope.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
  res.json({ learned_payers: await service.listCustomerLearnedPayers(req.params.id) })
}
