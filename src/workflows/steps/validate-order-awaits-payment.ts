import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import type BankReconciliationModuleService from "../../modules/bank-reconciliation/service"

export const validateOrderAwaitsPaymentStepId = "validate-order-awaits-payment"

/**
 * Re-reads, under the order's assignment lock, that the order is still open, nothing was paid and
 * no payment was assigned or proposed to it meanwhile; refuses otherwise, so nothing is cancelled.
 */
export const validateOrderAwaitsPaymentStep = createStep(validateOrderAwaitsPaymentStepId, async (input: { order_id: string }, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
  const {
    data: [order],
  } = await query.graph({
    entity: "order",
    fields: ["id", "status", "payment_collections.status"],
    filters: { id: input.order_id },
  })
  if (!order || order.status !== "pending") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Order ${input.order_id} is no longer open; not cancelled.`)
  }
  const paid = (order.payment_collections ?? []).some((c) => !!c && !["awaiting", "not_paid"].includes(c.status as string))
  const assigned = (await service.listOrdersWithLiveAssignments([input.order_id])).length > 0
  if (paid || assigned) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `A payment was assigned to order ${input.order_id} meanwhile; not cancelled.`)
  }
  return new StepResponse(input.order_id)
})
