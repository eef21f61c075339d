import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { listQuery } from "../list-query"
import { BANK_TRANSACTION_FIELDS, SYNC_RUN_FIELDS, TRAIL_ENTRY_FIELDS } from "./query-config"
import { AdminImportBankTransactions, AdminListBankTransactions, AdminListPaymentEvents, AdminListSyncRuns } from "./validators"

const BASE = "/admin/bank-reconciliation"

/** Incoming payments: the transaction list, "Get data" and the sync-run history. */
export const incomingPaymentsMiddlewares: MiddlewareRoute[] = [
  { matcher: `${BASE}/transactions`, methods: ["GET"], middlewares: [listQuery(AdminListBankTransactions, BANK_TRANSACTION_FIELDS)] },
  { matcher: `${BASE}/transactions/:id/events`, methods: ["GET"], middlewares: [listQuery(AdminListPaymentEvents, TRAIL_ENTRY_FIELDS)] },
  { matcher: `${BASE}/transactions/import`, methods: ["POST"], middlewares: [validateAndTransformBody(AdminImportBankTransactions)] },
  { matcher: `${BASE}/sync-runs`, methods: ["GET"], middlewares: [listQuery(AdminListSyncRuns, SYNC_RUN_FIELDS)] },
]
