import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { BANK_RECONCILIATION_MODULE } from "../../../../../modules/bank-reconciliation"
import type BankReconciliationModuleService from "../../../../../modules/bank-reconciliation/service"
import { AdminListRefundCandidatesType } from "../validators"

/** Payments with money to give back: late payments for cancelled orders, duplicates, overpayments, payments for no order. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListRefundCandidatesType>, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery
  const service = req.scope.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
  const { candidates, count } = await service.listRefundCandidates({ limit, offset })
  res.json({ candidates, count, limit, offset })
}
