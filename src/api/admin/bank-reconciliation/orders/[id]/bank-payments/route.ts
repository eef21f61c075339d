import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { paymentReferenceForOrder } from "../../../../../../lib/bank-transfer/order-payment-reference"
import { pendingOf, toDecimal } from "../../../../../../modules/bank-reconciliation/open-items"
import { totalsByCurrency } from "../../../bookings/booking-list"

/** For the order widget: the payment reference, what was paid by bank transfer, what is outstanding, and each assigned or booked payment. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({ entity: "order", fields: ["id", "display_id", "status", "currency_code", "metadata", "summary.*", "payment_collections.payment_sessions.*"], filters: { id: req.params.id } })
  if (!order) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${req.params.id} was not found; reload the page.`)
  }
  const { data: assignments } = await query.graph({
    entity: "payment_assignment",
    fields: ["id", "amount", "currency_code", "status", "source", "booked_at", "booking_error", "payment_id", "capture_id", "transaction.id", "transaction.booking_date", "transaction.counterpart_name", "transaction.counterpart_iban", "transaction.purpose", "transaction.amount"],
    filters: { order_id: order.id, status: ["proposed", "confirmed", "booking", "booked"] },
    pagination: { order: { created_at: "ASC" } },
  })
  const booked = assignments.filter((a) => a.status === "booked")
  res.json({
    bank_payments: {
      order_id: order.id,
      display_id: order.display_id,
      currency_code: order.currency_code,
      payment_reference: paymentReferenceForOrder(order as any).reference,
      total: toDecimal((order.summary as any)?.current_order_total),
      paid_by_bank_transfer: totalsByCurrency(booked)[order.currency_code] ?? "0.00",
      // a cancelled order owes nothing and takes no payment (a late one is held for the operator)
      outstanding: order.status === "canceled" ? "0.00" : pendingOf(order as any),
      assignments: assignments.map((a) => ({
        id: a.id,
        status: a.status,
        source: a.source,
        amount: toDecimal(a.amount as any),
        currency_code: a.currency_code,
        booked_at: a.booked_at,
        booking_error: a.booking_error,
        payment_id: a.payment_id,
        capture_id: a.capture_id,
        transaction: a.transaction,
      })),
    },
  })
}
