import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import {
  AdminAssignTransaction,
  AdminAutoAssign,
  AdminIgnoreTransaction,
  AdminListAssignments,
  AdminSearchCustomers,
  AdminSearchOpenOrders,
  AdminUpdateAssignment,
} from "./validators"
import { listQuery } from "../list-query"
import { PAYMENT_ASSIGNMENT_FIELDS } from "./query-config"

const BASE = "/admin/bank-reconciliation"
const query = (schema: Parameters<typeof validateAndTransformQuery>[0], isList = true) =>
  validateAndTransformQuery(schema, { isList, defaults: ["id"] })

/** Matching payments to orders: auto-assign, manual assignment, ignore, and the searches behind them. */
export const paymentAssignmentMiddlewares: MiddlewareRoute[] = [
  { matcher: `${BASE}/auto-assign`, methods: ["POST"], middlewares: [validateAndTransformBody(AdminAutoAssign)] },
  { matcher: `${BASE}/assignments`, methods: ["GET"], middlewares: [listQuery(AdminListAssignments, PAYMENT_ASSIGNMENT_FIELDS)] },
  { matcher: `${BASE}/assignments/:id`, methods: ["POST"], middlewares: [validateAndTransformBody(AdminUpdateAssignment)] },
  { matcher: `${BASE}/transactions/:id/assignments`, methods: ["POST"], middlewares: [validateAndTransformBody(AdminAssignTransaction)] },
  { matcher: `${BASE}/transactions/:id/ignore`, methods: ["POST"], middlewares: [validateAndTransformBody(AdminIgnoreTransaction)] },
  { matcher: `${BASE}/customers/search`, methods: ["GET"], middlewares: [query(AdminSearchCustomers)] },
  { matcher: `${BASE}/open-orders/search`, methods: ["GET"], middlewares: [query(AdminSearchOpenOrders)] },
]
