import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { BANK_RECONCILIATION_MODULE } from "../../../../../../modules/bank-reconciliation"
import type BankReconciliationModuleService from "../../../../../../modules/bank-reconciliation/service"
import { pickFields, sortKey } from "../../../list-query"

/**
 * The payer IBANs and names known for a customer (learned from assignments, or IBANs from bookings).
 * One customer's set is the union of its learned rows and its booked IBANs, read whole and paged
 * here; `order` names one of the row's keys (the schema's list), the value breaking ties. Without
 * `order`: by kind, then as learned, booked IBANs last.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
  const all = await service.listCustomerLearnedPayers(req.params.id)
  const { skip: offset = 0, take: limit = 200 } = req.queryConfig.pagination
  const [key, direction] = sortKey(req.queryConfig, ["", "ASC"])
  const sign = direction === "DESC" ? -1 : 1
  const text = (value: unknown) => (value instanceof Date ? value.toISOString() : String(value ?? ""))
  const sorted = key
    ? [...all].sort(
        (a, b) =>
          sign * (text(a[key as keyof typeof a]).localeCompare(text(b[key as keyof typeof b])) || a.kind.localeCompare(b.kind) || a.value.localeCompare(b.value))
      )
    : all
  const rows = sorted.slice(offset, offset + limit)
  res.json({ learned_payers: pickFields(rows, req.queryConfig.fields, "value"), count: all.length, offset, limit })
}
