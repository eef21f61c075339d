import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import type { BookingOrder } from "../../modules/bank-reconciliation/booking-plan"
import type BankReconciliationModuleService from "../../modules/bank-reconciliation/service"
import { findBookingCaptures, type BookingCapture, type ClaimedBatch } from "./claim-booking"

export const readBookingOrdersStepId = "read-booking-orders"

const ORDER_FIELDS = [
  "id",
  "display_id",
  "currency_code",
  "summary.*",
  "payment_collections.id",
  "payment_collections.status",
  "payment_collections.amount",
  "payment_collections.currency_code",
  "payment_collections.authorized_amount",
  "payment_collections.captured_amount",
  "payment_collections.payment_sessions.id",
  "payment_collections.payment_sessions.provider_id",
  "payment_collections.payment_sessions.status",
  "payment_collections.payment_sessions.amount",
  "payment_collections.payment_sessions.authorized_at",
  "payment_collections.payment_sessions.data",
  "payment_collections.payments.id",
  "payment_collections.payments.provider_id",
  "payment_collections.payments.amount",
  "payment_collections.payments.canceled_at",
  "payment_collections.payments.captures.amount",
]

export type BookingReads = {
  /** the orders of the claimed lines to plan, by id (a missing order is not here) */
  orders: Record<string, BookingOrder>
  /** captures made by runs that died, by assignment id: recorded, not made again */
  captures: Record<string, BookingCapture>
  capturable_providers: string[]
}

/**
 * Reads what planning a claimed batch needs, once for the batch: for lines taken over from a run
 * that died, that run's capture (one query); the orders of the other claimed lines with their
 * summary, payment collections, sessions, payments and captures (one query graph); the providers a
 * transfer may capture. Reads only; planBookingsStep decides.
 */
export const readBookingOrdersStep = createStep(readBookingOrdersStepId, async (input: ClaimedBatch, { container }) => {
  const claimed = input.lines.flatMap((line) => (line.outcome === "claimed" ? [line] : []))
  const captures = await findBookingCaptures(
    container,
    claimed.filter((line) => line.resumed).map((line) => line.id)
  )
  const orderIds = [...new Set(claimed.filter((line) => !captures[line.id]).map((line) => line.assignment.order_id))]
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = orderIds.length ? await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: orderIds } }) : { data: [] }
  const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
  const { capturableProviders } = (await service.getOptions()).booking
  const orders = Object.fromEntries((data as unknown as BookingOrder[]).map((order) => [order.id, order]))
  return new StepResponse<BookingReads>({ orders, captures, capturable_providers: [...capturableProviders] })
})
