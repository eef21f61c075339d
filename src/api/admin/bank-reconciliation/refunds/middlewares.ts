import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { listQuery } from "../list-query"
import { REFUND_CANDIDATE_FIELDS, REFUND_EXPORT_FIELDS } from "./query-config"
import { AdminExportRefunds, AdminListRefundCandidates, AdminListRefundExports } from "./validators"

const BASE = "/admin/bank-reconciliation/refunds"

/** Refunds of surplus money as SEPA files: what can be refunded, the files, a new file. */
export const refundMiddlewares: MiddlewareRoute[] = [
  { matcher: `${BASE}/candidates`, methods: ["GET"], middlewares: [listQuery(AdminListRefundCandidates, REFUND_CANDIDATE_FIELDS)] },
  { matcher: BASE, methods: ["GET"], middlewares: [listQuery(AdminListRefundExports, REFUND_EXPORT_FIELDS)] },
  { matcher: BASE, methods: ["POST"], middlewares: [validateAndTransformBody(AdminExportRefunds)] },
]
