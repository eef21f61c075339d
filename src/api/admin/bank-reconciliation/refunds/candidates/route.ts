import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { BANK_RECONCILIATION_MODULE } from "../../../../../modules/bank-reconciliation"
import type BankReconciliationModuleService from "../../../../../modules/bank-reconciliation/service"
import { pickFields } from "../../list-query"

/** Payments with money to give back: late payments for cancelled orders, duplicates, overpayments, payments for no order. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { skip: offset = 0, take: limit = 200 } = req.queryConfig.pagination
  const service = req.scope.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
  const { candidates, count } = await service.listRefundCandidates({ limit, offset })
  res.json({ candidates: pickFields(candidates, req.queryConfig.fields), count, limit, offset })
}
