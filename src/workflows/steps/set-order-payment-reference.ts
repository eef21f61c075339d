import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_PAYMENT_REFERENCE_KEY } from "../../lib/bank-transfer/order-payment-reference"

export const setOrderPaymentReferenceStepId = "set-order-payment-reference"

type Input = { order_id: string; payment_reference: string }

/** Writes the reference to order.metadata.payment_reference; compensation puts the previous metadata back. */
export const setOrderPaymentReferenceStep = createStep(
  setOrderPaymentReferenceStepId,
  async (input: Input, { container }) => {
    const orderModule = container.resolve(Modules.ORDER)
    const order = await orderModule.retrieveOrder(input.order_id, { select: ["id", "metadata"] })
    const previous = order.metadata ?? null
    await orderModule.updateOrders(order.id, {
      metadata: { ...previous, [ORDER_PAYMENT_REFERENCE_KEY]: input.payment_reference },
    })
    return new StepResponse(input, { order_id: order.id, metadata: previous })
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    await container.resolve(Modules.ORDER).updateOrders(previous.order_id, { metadata: previous.metadata })
  }
)
