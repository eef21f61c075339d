import { MathBN, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import type { BookingPlan } from "../../modules/bank-reconciliation/booking-plan"
import type BankReconciliationModuleService from "../../modules/bank-reconciliation/service"

export const recordBookingStepId = "record-booking"

type RecordBookingInput = { assignment_id: string; transaction_id: string; plan: BookingPlan; payment_id: string }

const RESTORED_FIELDS = ["id", "status", "amount", "booked_at", "booking_error", "payment_collection_id", "payment_id", "capture_id", "metadata"] as const

/**
 * Marks the assignment booked with Medusa's payment and capture ids; an overpayment's assignment
 * shrinks to what was captured (the rest stays unassigned on the bank transaction, the assigned
 * amount kept in metadata). The transaction's booked amount and status follow. Compensation puts
 * the assignment back.
 */
export const recordBookingStep = createStep(
  recordBookingStepId,
  async (input: RecordBookingInput, { container }) => {
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    const previous = await service.retrievePaymentAssignment(input.assignment_id, { select: [...RESTORED_FIELDS] })
    const payment = await container.resolve(Modules.PAYMENT).retrievePayment(input.payment_id, { relations: ["captures"] })
    const capture = [...(payment.captures ?? [])].sort((a, b) => +new Date(b.created_at as Date) - +new Date(a.created_at as Date))[0]
    const hasSurplus = MathBN.gt(input.plan.surplus, 0)
    await service.updatePaymentAssignments({
      id: input.assignment_id,
      status: "booked",
      booked_at: new Date(),
      booking_error: null,
      payment_collection_id: input.plan.payment_collection_id,
      payment_id: input.payment_id,
      capture_id: capture?.id ?? null,
      ...(hasSurplus ? { amount: input.plan.amount as unknown as number } : {}),
      metadata: {
        ...(previous.metadata ?? {}),
        booking: { mode: input.plan.mode, assigned_amount: MathBN.add(input.plan.amount, input.plan.surplus).toFixed(2), surplus: input.plan.surplus },
      },
    })
    await refreshBookedAmount(service, input.transaction_id)
    return new StepResponse({ capture_id: capture?.id ?? null }, { previous, transaction_id: input.transaction_id })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    const { previous } = undo
    await service.updatePaymentAssignments({
      id: previous.id,
      status: previous.status,
      amount: previous.amount,
      booked_at: previous.booked_at,
      booking_error: previous.booking_error,
      payment_collection_id: previous.payment_collection_id,
      payment_id: previous.payment_id,
      capture_id: previous.capture_id,
      metadata: previous.metadata,
    })
    await refreshBookedAmount(service, undo.transaction_id)
  }
)

/** Sets the transaction's booked amount from its booked assignments, then its status. */
export async function refreshBookedAmount(service: BankReconciliationModuleService, transactionId: string) {
  const booked = await service.listPaymentAssignments({ transaction_id: transactionId, status: "booked" }, { select: ["amount"] })
  const total = booked.reduce((sum, a) => MathBN.add(sum, a.amount as unknown as string), MathBN.convert(0))
  await service.updateBankTransactions({ id: transactionId, booked_amount: total.toFixed(2) as unknown as number })
  await service.refreshTransactionStatuses([transactionId])
}
