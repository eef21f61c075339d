import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { listQuery as graphListQuery } from "../list-query"
import { SYNC_RUN_FIELDS } from "./query-config"
import { AdminImportBankTransactions, AdminListBankTransactions, AdminListSyncRuns } from "./validators"

const BASE = "/admin/bank-reconciliation"
const listQuery = (schema: Parameters<typeof validateAndTransformQuery>[0]) =>
  validateAndTransformQuery(schema, { isList: true, defaults: ["id"] })

/** Incoming payments: the transaction list, "Get data" and the sync-run history. */
export const incomingPaymentsMiddlewares: MiddlewareRoute[] = [
  { matcher: `${BASE}/transactions`, methods: ["GET"], middlewares: [listQuery(AdminListBankTransactions)] },
  { matcher: `${BASE}/transactions/import`, methods: ["POST"], middlewares: [validateAndTransformBody(AdminImportBankTransactions)] },
  { matcher: `${BASE}/sync-runs`, methods: ["GET"], middlewares: [graphListQuery(AdminListSyncRuns, SYNC_RUN_FIELDS)] },
]
