import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import { payerLessons, type PayerLesson } from "../../modules/bank-reconciliation/learned-payers"
import type BankReconciliationModuleService from "../../modules/bank-reconciliation/service"

export const learnFromAssignmentStepId = "learn-from-assignment"

export type LearnFromAssignmentInput = {
  transaction_id: string
  /** False when the operator's change taught nothing (an amount change only). */
  learn: boolean
  learned_from: PayerLesson["learned_from"]
  actor_id?: string | null
}

/**
 * After an operator assigned a payment by hand or confirmed a suggestion: the payer's IBAN becomes
 * known for the customer at once and the payer name an alias (when all of the payment's live
 * assignments are one customer's). Compensation removes the rows it added.
 */
export const learnFromAssignmentStep = createStep(
  learnFromAssignmentStepId,
  async (input: LearnFromAssignmentInput, { container }) => {
    if (!input.learn) {
      return new StepResponse([] as string[], [] as string[])
    }
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    const transaction = await service.retrieveBankTransaction(input.transaction_id, {
      select: ["id", "counterpart_iban", "counterpart_name"],
      relations: ["assignments"],
    })
    const live = transaction.assignments.filter((a) => a.status === "confirmed" || a.status === "booked")
    const lessons = payerLessons({ transaction, customerIds: live.map((a) => a.customer_id), learnedFrom: input.learned_from, actorId: input.actor_id })
    const created = lessons.length ? await service.learnPayers(lessons) : []
    return new StepResponse(created, created)
  },
  async (created, { container }) => {
    if (created?.length) {
      await container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE).unlearnPayers(created)
    }
  }
)
