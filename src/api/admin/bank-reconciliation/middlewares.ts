import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { listQuery } from "./list-query"
import { BANK_ACCOUNT_LIST_FIELDS, BANK_CONNECTION_FIELDS, BANK_INTERFACE_FIELDS, FINAPI_CALL_LOG_FIELDS } from "./query-config"
import {
  AdminConnectBankInterface,
  AdminCreateBankInterface,
  AdminListAccounts,
  AdminListBankConnections,
  AdminListCallLog,
  AdminListInterfaces,
  AdminStartWebForm,
  AdminUpdateBankAccount,
  AdminUpdateBankInterface,
} from "./validators"

const BASE = "/admin/bank-reconciliation"

/** Online-banking setup: interfaces, bank connections, accounts, call log. */
export const onlineBankingSetupMiddlewares: MiddlewareRoute[] = [
  { matcher: `${BASE}/interfaces`, methods: ["GET"], middlewares: [listQuery(AdminListInterfaces, BANK_INTERFACE_FIELDS)] },
  { matcher: `${BASE}/interfaces`, methods: ["POST"], middlewares: [validateAndTransformBody(AdminCreateBankInterface)] },
  { matcher: `${BASE}/interfaces/:id`, methods: ["POST"], middlewares: [validateAndTransformBody(AdminUpdateBankInterface)] },
  { matcher: `${BASE}/interfaces/:id/connect`, methods: ["POST"], middlewares: [validateAndTransformBody(AdminConnectBankInterface)] },
  { matcher: `${BASE}/interfaces/:id/web-forms`, methods: ["POST"], middlewares: [validateAndTransformBody(AdminStartWebForm)] },
  { matcher: `${BASE}/interfaces/:id/bank-connections`, methods: ["GET"], middlewares: [listQuery(AdminListBankConnections, BANK_CONNECTION_FIELDS)] },
  { matcher: `${BASE}/interfaces/:id/log`, methods: ["GET"], middlewares: [listQuery(AdminListCallLog, FINAPI_CALL_LOG_FIELDS)] },
  { matcher: `${BASE}/accounts`, methods: ["GET"], middlewares: [listQuery(AdminListAccounts, BANK_ACCOUNT_LIST_FIELDS)] },
  { matcher: `${BASE}/accounts/:id`, methods: ["POST"], middlewares: [validateAndTransformBody(AdminUpdateBankAccount)] },
]
