import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import {
  AdminConnectBankInterface,
  AdminCreateBankInterface,
  AdminListAccounts,
  AdminListParams,
  AdminStartWebForm,
  AdminUpdateBankAccount,
  AdminUpdateBankInterface,
} from "./validators"

const BASE = "/admin/bank-reconciliation"
const listQuery = (schema: Parameters<typeof validateAndTransformQuery>[0]) =>
  validateAndTransformQuery(schema, { isList: true, defaults: ["id"] })

/** Online-banking setup: interfaces, bank connections, accounts, call log. */
export const onlineBankingSetupMiddlewares: MiddlewareRoute[] = [
  { matcher: `${BASE}/interfaces`, methods: ["GET"], middlewares: [listQuery(AdminListParams)] },
  { matcher: `${BASE}/interfaces`, methods: ["POST"], middlewares: [validateAndTransformBody(AdminCreateBankInterface)] },
  { matcher: `${BASE}/interfaces/:id`, methods: ["POST"], middlewares: [validateAndTransformBody(AdminUpdateBankInterface)] },
  { matcher: `${BASE}/interfaces/:id/connect`, methods: ["POST"], middlewares: [validateAndTransformBody(AdminConnectBankInterface)] },
  { matcher: `${BASE}/interfaces/:id/web-forms`, methods: ["POST"], middlewares: [validateAndTransformBody(AdminStartWebForm)] },
  { matcher: `${BASE}/interfaces/:id/log`, methods: ["GET"], middlewares: [listQuery(AdminListParams)] },
  { matcher: `${BASE}/accounts`, methods: ["GET"], middlewares: [listQuery(AdminListAccounts)] },
  { matcher: `${BASE}/accounts/:id`, methods: ["POST"], middlewares: [validateAndTransformBody(AdminUpdateBankAccount)] },
]
