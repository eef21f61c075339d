import { MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { getOrderDetailWorkflow } from "@medusajs/medusa/core-flows"
import { orderNoticeKey } from "../../modules/bank-reconciliation/order-notice-kinds"
import type { ClaimOrderNoticeInput } from "./claim-order-notice"

export const decidePaymentNoticeStepId = "decide-payment-notice"

/** After a booking: "payment received" once the order owes nothing, otherwise "partial payment received" for this payment. */
export const decidePaymentNoticeStep = createStep(
  decidePaymentNoticeStepId,
  async (input: { order_id: string; assignment_id: string; transaction_id: string; amount: string }, { container }) => {
    const { result: order } = await getOrderDetailWorkflow(container).run({
      input: { order_id: input.order_id, fields: ["id", "summary.*"], filters: { is_draft_order: false } },
    })
    const summary = (order.summary ?? {}) as unknown as Record<string, number | { value: string }>
    const pending = summary.raw_pending_difference ?? summary.pending_difference ?? 0
    const paidInFull = MathBN.lte(pending, 0)
    const notice: ClaimOrderNoticeInput = {
      order_id: input.order_id,
      kind: paidInFull ? "payment_received" : "partial_payment_received",
      key: paidInFull ? orderNoticeKey.received() : orderNoticeKey.partial(input.assignment_id),
      data: { received: { amount: input.amount, assignment_id: input.assignment_id, transaction_id: input.transaction_id } },
    }
    return new StepResponse(notice)
  }
)
