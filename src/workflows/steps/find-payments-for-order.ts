import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { loadOpenOrders } from "../matching/open-orders"
import { findOpenPaymentsForItem } from "../matching/payments-for-order"

export const findPaymentsForOrderStepId = "find-payments-for-order"

/** The open payments that may be for this order (none when it owes nothing). Reads only. */
export const findPaymentsForOrderStep = createStep(findPaymentsForOrderStepId, async (input: { order_id: string }, { container }) => {
  const { items } = await loadOpenOrders(container, [input.order_id])
  const item = items[0]
  const ids = item ? await findOpenPaymentsForItem(container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION), item) : []
  return new StepResponse({ transaction_ids: ids })
})
