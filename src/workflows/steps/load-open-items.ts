import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { loadOpenOrders } from "../matching/open-orders"

export const loadOpenItemsStepId = "load-open-items"

/**
 * Loads the open items (orders not canceled and not fully paid, outstanding net of confirmed
 * assignments, invoice number, payment reference, customer and learned IBANs) and each loaded
 * order's limit. Reads only.
 */
export const loadOpenItemsStep = createStep(loadOpenItemsStepId, async (input: { order_ids?: string[] }, { container }) => {
  return new StepResponse(await loadOpenOrders(container, input.order_ids))
})
