import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { BANK_RECONCILIATION_MODULE } from "../../../../../../modules/bank-reconciliation"
import type BankReconciliationModuleService from "../../../../../../modules/bank-reconciliation/service"

/** The payer IBANs and names known for a customer (learned from assignments, or IBANs from bookings). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
  res.json({ learned_payers: await service.listCustomerLearnedPayers(req.params.id) })
}
