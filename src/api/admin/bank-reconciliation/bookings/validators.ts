import { z } from "@medusajs/framework/zod"
import { entityId } from "../../../input/primitives"

export const AdminListBookings = z.object({
  group_by: z.enum(["customer", "none"]).default("none"),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
  offset: z.coerce.number().int().min(0).default(0),
})
export type AdminListBookingsType = z.infer<typeof AdminListBookings>

export const AdminBookAssignments = z.object({
  assignment_ids: z.array(entityId).min(1, "select at least one payment to book").max(500),
})
export type AdminBookAssignmentsType = z.infer<typeof AdminBookAssignments>
