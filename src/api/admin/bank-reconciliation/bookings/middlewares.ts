import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminBookAssignments, AdminListBookings } from "./validators"

const BASE = "/admin/bank-reconciliation"

/** Booking confirmed assignments into Medusa orders, and the order widget's view. */
export const bookingMiddlewares: MiddlewareRoute[] = [
  { matcher: `${BASE}/bookings`, methods: ["GET"], middlewares: [validateAndTransformQuery(AdminListBookings, { isList: true, defaults: ["id"] })] },
  { matcher: `${BASE}/bookings`, methods: ["POST"], middlewares: [validateAndTransformBody(AdminBookAssignments)] },
]
