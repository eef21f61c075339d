import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { OpenItemQuery } from "../../modules/bank-reconciliation/open-item-search"
import { searchOpenOrdersStep } from "../steps/search-open-orders"

export const searchOpenOrdersWorkflowId = "search-open-orders"

/**
 * Open orders (not canceled, still owing after confirmed assignments) by order or invoice number,
 * reference, customer name, company, e-mail or amount, as the admin's "Assign" dialog asks for them.
 */
export const searchOpenOrdersWorkflow = createWorkflow(searchOpenOrdersWorkflowId, function (input: OpenItemQuery) {
  return new WorkflowResponse(searchOpenOrdersStep(input))
})
