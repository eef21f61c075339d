import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { amountInCurrency } from "../../modules/bank-reconciliation/currency-decimals"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import type BankReconciliationModuleService from "../../modules/bank-reconciliation/service"
import type { AssignmentChange } from "../../modules/bank-reconciliation/service"
import { loadOpenOrders } from "../matching/open-orders"

export const prepareAssignmentUpdateStepId = "prepare-assignment-update"

export type AssignmentUpdateInput = {
  id: string
  /** New amount, decimal string. */
  amount?: string
  /** Confirms a proposal. */
  confirm?: boolean
  actor_id?: string | null
}

/**
 * Turns an operator's change of an assignment (new amount, or confirming a proposal) into a change
 * to write; refused once the assignment is booked or removed. Reads only.
 */
export const prepareAssignmentUpdateStep = createStep(
  prepareAssignmentUpdateStepId,
  async (input: AssignmentUpdateInput, { container }) => {
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    const assignment = await service.retrievePaymentAssignment(input.id, { select: ["id", "order_id", "amount", "currency_code", "status", "transaction_id"] })
    if (assignment.status === "booked" || assignment.status === "booking") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This assignment is booked already and cannot change; record a refund or correction on the order instead.")
    }
    if (assignment.status === "rejected") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This assignment was removed; assign the payment to the order again instead.")
    }
    const confirming = !!input.confirm && assignment.status === "proposed"
    const amount = input.amount ? amountInCurrency(input.amount, assignment.currency_code) : undefined
    const grows = amount !== undefined && MathBN.gt(amount, assignment.amount)
    const confirmedAfter = confirming || assignment.status === "confirmed"
    const change: AssignmentChange = {
      transaction_id: assignment.transaction_id,
      update: [{ id: assignment.id, amount, status: confirming ? "confirmed" : undefined, confirmed_by: input.actor_id ?? null }],
    }
    if (confirmedAfter && (confirming || grows)) {
      const { limits } = await loadOpenOrders(container, [assignment.order_id])
      if (!limits[assignment.order_id]) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The order was canceled or deleted; remove this assignment instead.")
      }
      change.order_limits = { [assignment.order_id]: limits[assignment.order_id] }
    }
    return new StepResponse(change)
  }
)
