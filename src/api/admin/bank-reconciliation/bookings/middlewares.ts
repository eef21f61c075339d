import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { listQuery } from "../list-query"
import { BOOKING_ROW_FIELDS } from "./booking-list"
import { AdminBookAssignments, AdminListBookings } from "./validators"

const BASE = "/admin/bank-reconciliation"

/** Booking confirmed assignments into Medusa orders, and the order widget's view. */
export const bookingMiddlewares: MiddlewareRoute[] = [
  { matcher: `${BASE}/bookings`, methods: ["GET"], middlewares: [listQuery(AdminListBookings, BOOKING_ROW_FIELDS)] },
  { matcher: `${BASE}/bookings`, methods: ["POST"], middlewares: [validateAndTransformBody(AdminBookAssignments)] },
]
