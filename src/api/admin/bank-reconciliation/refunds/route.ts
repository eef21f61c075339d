import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { exportRefundsWorkflow } from "../../../../workflows/export-refunds"
import { AdminExportRefundsType, AdminListRefundExportsType } from "./validators"

const EXPORT_FIELDS = [
  "id", "message_id", "file_name", "format", "currency_code", "total", "count", "debtor_iban", "debtor_name", "created_by", "created_at",
  "items.id", "items.transaction_id", "items.order_id", "items.reason", "items.amount", "items.creditor_iban", "items.creditor_bic",
  "items.creditor_name", "items.end_to_end_id",
]

async function retrieveExport(req: AuthenticatedMedusaRequest, id: string) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "refund_export", fields: EXPORT_FIELDS, filters: { id } }, { throwIfKeyNotFound: true })
  return data[0]
}

/** The refund files exported so far, newest first, with what each one refunds. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListRefundExportsType>, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "refund_export",
    fields: EXPORT_FIELDS,
    pagination: { skip: offset, take: limit, order: { created_at: "DESC" } },
  })
  res.json({ refund_exports: data, count: metadata?.count ?? data.length, limit, offset })
}

/** Exports the selected payments' surplus as one pain.001 file; refuses a payment exported before. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminExportRefundsType>, res: MedusaResponse) => {
  const { result: id } = await exportRefundsWorkflow(req.scope).run({
    input: { ...req.validatedBody, actor_id: req.auth_context.actor_id },
  })
  res.json({ refund_export: await retrieveExport(req, id) })
}
