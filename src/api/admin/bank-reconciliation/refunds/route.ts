import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { exportRefundsWorkflow } from "../../../../workflows/booking/export-refunds"
import { graphList, page } from "../list-query"
import { REFUND_EXPORT_FIELDS } from "./query-config"
import { AdminExportRefundsType } from "./validators"


async function retrieveExport(req: AuthenticatedMedusaRequest, id: string) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "refund_export", fields: REFUND_EXPORT_FIELDS, filters: { id } }, { throwIfKeyNotFound: true })
  return data[0]
}

/** The refund files exported so far, newest first, with what each one refunds. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({ entity: "refund_export", ...graphList(req.queryConfig) })
  res.json({ refund_exports: data, ...page(metadata, data) })
}

/** Exports the selected payments' surplus as one pain.001 file; refuses a payment exported before. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminExportRefundsType>, res: MedusaResponse) => {
  const { result: id } = await exportRefundsWorkflow(req.scope).run({
    input: { ...req.validatedBody, actor_id: req.auth_context.actor_id },
  })
  res.json({ refund_export: await retrieveExport(req, id) })
}
