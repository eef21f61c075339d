import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { OpenItemQuery } from "../../modules/bank-reconciliation/open-item-search"
import { searchOpenOrders } from "../matching/open-order-search"

export const searchOpenOrdersStepId = "search-open-orders"

/** The operator's search over open orders (see searchOpenOrders). Reads only. */
export const searchOpenOrdersStep = createStep(searchOpenOrdersStepId, async (input: OpenItemQuery, { container }) => {
  return new StepResponse(await searchOpenOrders(container, input))
})
