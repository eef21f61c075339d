import { MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { getOrderDetailWorkflow } from "@medusajs/medusa/core-flows"
import { orderNoticeKey } from "../../modules/bank-reconciliation/order-notice-kinds"
import type { ClaimOrderNoticeInput } from "./claim-order-notice"

export const decidePaymentNoticeStepId = "decide-payment-notice"

/**
 * After a booking: "payment received" once the order owes nothing, otherwise "partial payment
 * received" for this payment. The booking says whether the order owes nothing (it read the order
 * under its lock); otherwise the order is read.
 */
export const decidePaymentNoticeStep = createStep(
  decidePaymentNoticeStepId,
  async (input: { order_id: string; assignment_id: string; transaction_id: string; amount: string; paid_in_full?: boolean | null }, { container }) => {
    const paidInFull = typeof input.paid_in_full === "boolean" ? input.paid_in_full : await owesNothing(container, input.order_id)
    const notice: ClaimOrderNoticeInput = {
      order_id: input.order_id,
      kind: paidInFull ? "payment_received" : "partial_payment_received",
      key: paidInFull ? orderNoticeKey.received() : orderNoticeKey.partial(input.assignment_id),
      data: { received: { amount: input.amount, assignment_id: input.assignment_id, transaction_id: input.transaction_id } },
    }
    return new StepResponse(notice)
  }
)

/** Reads the order's summary: true when nothing is pending (for a booking that did not say). */
async function owesNothing(container: Parameters<Parameters<typeof createStep>[1]>[1]["container"], orderId: string): Promise<boolean> {
  const { result: order } = await getOrderDetailWorkflow(container).run({
    input: { order_id: orderId, fields: ["id", "summary.*"], filters: { is_draft_order: false } },
  })
  const summary = (order.summary ?? {}) as unknown as Record<string, number | { value: string }>
  return MathBN.lte(summary.raw_pending_difference ?? summary.pending_difference ?? 0, 0)
}
