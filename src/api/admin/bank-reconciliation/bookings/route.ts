import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { bookAssignments } from "../../../../workflows/booking/book-assignments"
import { pickFields, sortKey } from "../list-query"
import { BOOKING_ORDER, groupByCustomer, totalsByCurrency, type BookingRow } from "./booking-list"
import { AdminBookAssignmentsType, AdminListBookingsType } from "./validators"
import type { BookAssignmentsResponse } from "../../../../types/http"

/** Confirmed, not yet booked assignments with their order and customer, totals, optionally grouped by customer. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListBookingsType>, res: MedusaResponse) => {
  const { group_by } = req.validatedQuery
  const { skip: offset = 0, take: limit = 500 } = req.queryConfig.pagination
  // the sort key is one of the schema's, mapped to its column; never a client string in the query
  const [key, direction] = sortKey(req.queryConfig, ["created_at", "ASC"])
  const column = BOOKING_ORDER[key] ?? "created_at"
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: assignments, metadata } = await query.graph({
    entity: "payment_assignment",
    fields: ["id", "order_id", "customer_id", "amount", "currency_code", "source", "booking_error", "transaction.id", "transaction.booking_date", "transaction.counterpart_name", "transaction.purpose"],
    filters: { status: "confirmed" },
    pagination: { skip: offset, take: limit, order: column === "id" ? { id: direction } : { [column]: direction, id: direction } },
  })
  const orderIds = [...new Set(assignments.map((a) => a.order_id))]
  const { data: orders } = orderIds.length
    ? await query.graph({ entity: "order", fields: ["id", "display_id", "email", "customer_id", "customer.first_name", "customer.last_name", "customer.company_name"], filters: { id: orderIds } })
    : { data: [] as any[] }
  const orderById = new Map(orders.map((o) => [o.id, o]))
  const rows: BookingRow[] = assignments.map((a) => {
    const order = orderById.get(a.order_id)
    const name = [order?.customer?.first_name, order?.customer?.last_name].filter(Boolean).join(" ") || order?.customer?.company_name || null
    return {
      assignment_id: a.id,
      order_id: a.order_id,
      order_display_id: order?.display_id ?? null,
      customer_id: a.customer_id ?? order?.customer_id ?? null,
      customer_name: name,
      customer_email: order?.email ?? null,
      amount: String(a.amount),
      currency_code: a.currency_code,
      source: a.source,
      booking_error: a.booking_error,
      transaction: a.transaction ? { id: a.transaction.id, booking_date: a.transaction.booking_date, counterpart_name: a.transaction.counterpart_name, purpose: a.transaction.purpose } : null,
    }
  })
  const fields = req.queryConfig.fields
  res.json({
    bookings: pickFields(rows, fields, "assignment_id"),
    groups: group_by === "customer" ? groupByCustomer(rows).map((group) => ({ ...group, rows: pickFields(group.rows, fields, "assignment_id") })) : undefined,
    totals: totalsByCurrency(rows),
    count: metadata?.count ?? rows.length,
    limit,
    offset,
  })
}

/** Books the selected assignments and reports each line: booked, or failed with the reason. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminBookAssignmentsType>, res: MedusaResponse) => {
  const results = await bookAssignments(req.scope, req.validatedBody.assignment_ids, req.auth_context.actor_id)
  // a line booked before (a stale second tab) is reported as such, not counted as booked now
  res.json({
    results,
    booked: results.filter((r) => r.status === "booked" && !r.already_booked).length,
    already_booked: results.filter((r) => r.already_booked).length,
    failed: results.filter((r) => r.status === "failed").length,
  } satisfies BookAssignmentsResponse)
}
