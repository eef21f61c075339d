import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { amountInCurrency } from "../../modules/bank-reconciliation/currency-decimals"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import type BankReconciliationModuleService from "../../modules/bank-reconciliation/service"
import type { AssignmentChange } from "../../modules/bank-reconciliation/service"
import { loadOpenOrders } from "../matching/open-orders"

export const prepareManualAssignmentStepId = "prepare-manual-assignment"

export type ManualAssignmentInput = {
  transaction_id: string
  assignments: { order_id: string; amount: string }[]
  actor_id?: string | null
}

/**
 * Checks an operator's assignment of one payment to orders (each order open, in the payment's
 * currency, not already assigned from this payment) and turns it into confirmed manual assignments
 * that replace the payment's open proposals. Reads only; limits are enforced when writing.
 */
export const prepareManualAssignmentStep = createStep(
  prepareManualAssignmentStepId,
  async (input: ManualAssignmentInput, { container }) => {
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    const transaction = await service.retrieveBankTransaction(input.transaction_id, {
      select: ["id", "currency_code", "status"],
      relations: ["assignments"],
    })
    if (transaction.status === "ignored") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This payment is marked as not for this shop; undo that first, then assign it.")
    }
    // an amount with more decimals than the payment's currency is refused before anything else, naming its line
    const amounts = input.assignments.map((a, i) => amountInCurrency(a.amount, transaction.currency_code, `assignments[${i}].amount`))
    const orderIds = input.assignments.map((a) => a.order_id)
    if (new Set(orderIds).size !== orderIds.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "Each order may appear once; add the amounts for one order together.")
    }
    const open = await loadOpenOrders(container, orderIds)
    const live = transaction.assignments.filter((a) => ["confirmed", "booking", "booked"].includes(a.status))
    for (const { order_id } of input.assignments) {
      const item = open.items.find((i) => i.orderId === order_id)
      const label = open.limits[order_id]?.label ?? order_id
      if (!open.limits[order_id]) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${order_id} was not found or is canceled; search the open orders again.`)
      }
      if (live.some((a) => a.order_id === order_id)) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `This payment is already assigned to order ${label}; change that assignment's amount instead.`)
      }
      if (!item) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Order ${label} has nothing left to pay; pick another order.`)
      }
      if (item.currency.toLowerCase() !== transaction.currency_code.toLowerCase()) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Order ${label} is in ${item.currency}, the payment in ${transaction.currency_code.toUpperCase()}; pick an order in the payment's currency.`)
      }
    }
    const change: AssignmentChange = {
      transaction_id: transaction.id,
      remove: transaction.assignments.filter((a) => a.status === "proposed").map((a) => a.id),
      create: input.assignments.map((a, i) => ({
        order_id: a.order_id,
        customer_id: open.items.find((i) => i.orderId === a.order_id)?.customerId ?? null,
        amount: amounts[i],
        currency_code: transaction.currency_code,
        source: "manual",
        status: "confirmed",
        confirmed_by: input.actor_id ?? null,
        created_by: input.actor_id ?? null,
      })),
      order_limits: Object.fromEntries(orderIds.map((id) => [id, open.limits[id]])),
    }
    return new StepResponse(change)
  }
)
