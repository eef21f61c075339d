import { z } from "@medusajs/framework/zod"
import { entityId } from "../../../input/primitives"
import { listParams } from "../list-query"

// the admin's booking page reads every confirmed line at once (500 by default, at most 1000)
export const AdminListBookings = listParams({ limit: 500, max: 1000 }, {
  group_by: z.enum(["customer", "none"]).default("none"),
  // a row key sorted by its assignment column (BOOKING_ORDER); oldest confirmation first without it
  order: z.enum(["assignment_id", "-assignment_id", "order_id", "-order_id", "amount", "-amount"]).optional(),
})
export type AdminListBookingsType = z.infer<typeof AdminListBookings>

export const AdminBookAssignments = z.object({
  assignment_ids: z.array(entityId).min(1, "select at least one payment to book").max(500),
})
export type AdminBookAssignmentsType = z.infer<typeof AdminBookAssignments>
