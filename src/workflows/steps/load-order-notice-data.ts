import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { getOrderDetailWorkflow } from "@medusajs/medusa/core-flows"
import { describeOrderBankTransfer } from "../../lib/bank-transfer/order-bank-transfer"
import { ORDER_BANK_TRANSFER_FIELDS } from "../../api/store/query-config"
import { amountString, decimal, type MoneyInput } from "../../lib/money"

export const loadOrderNoticeDataStepId = "load-order-notice-data"

/**
 * What every customer notification's template gets: the order, how far it is paid and, while
 * something is owed, the transfer instructions again (with the GiroCode as SVG and PNG).
 */
export const loadOrderNoticeDataStep = createStep(loadOrderNoticeDataStepId, async (input: { order_id: string }, { container }) => {
  const { result: order } = await getOrderDetailWorkflow(container).run({
    input: { order_id: input.order_id, fields: ORDER_BANK_TRANSFER_FIELDS, filters: { is_draft_order: false } },
  })
  const described = await describeOrderBankTransfer(order)
  return new StepResponse({
    to: order.email ?? null,
    customer_id: order.customer_id ?? null,
    data: {
      order: {
        id: order.id,
        display_id: order.display_id,
        email: order.email,
        currency_code: order.currency_code,
        total: amountString(order.total as MoneyInput, order.currency_code),
      },
      payment: described?.payment ?? null,
      bank_transfer: described && decimal(described.payment.outstanding_amount).gt(0) ? described.bank_transfer : null,
    } as Record<string, unknown>,
  })
})
