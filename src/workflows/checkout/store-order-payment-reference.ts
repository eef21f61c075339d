import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { orderLockKey } from "../../lib/lock-keys"
import { paymentReferenceForOrder } from "../../lib/bank-transfer/order-payment-reference"
import { setOrderPaymentReferenceStep } from "../steps/set-order-payment-reference"

export const storeOrderPaymentReferenceWorkflowId = "store-order-payment-reference"

/**
 * Gives an order its payment reference in order.metadata.payment_reference: the one shown at a
 * bank-transfer checkout, or one derived from the order id. Never changes a stored reference.
 */
export const storeOrderPaymentReferenceWorkflow = createWorkflow(
  storeOrderPaymentReferenceWorkflowId,
  function (input: { order_id: string }) {
    const lockKey = transform({ input }, ({ input }) => orderLockKey(input.order_id))
    acquireLockStep({ key: lockKey, timeout: 10, ttl: 30 })
    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: [
        "id",
        "metadata",
        "payment_collections.payment_sessions.id",
        "payment_collections.payment_sessions.provider_id",
        "payment_collections.payment_sessions.status",
        "payment_collections.payment_sessions.data",
      ],
      filters: { id: input.order_id },
      options: { throwIfKeyNotFound: true },
    }).config({ name: "get-order-for-payment-reference" })
    const chosen = transform({ orders }, ({ orders }) => paymentReferenceForOrder(orders[0]))
    when("order-has-no-payment-reference", { chosen }, ({ chosen }) => !chosen.stored).then(() => {
      setOrderPaymentReferenceStep({ order_id: input.order_id, payment_reference: chosen.reference })
    })
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(transform({ chosen }, ({ chosen }) => ({ payment_reference: chosen.reference })))
  }
)
