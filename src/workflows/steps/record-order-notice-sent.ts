import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import type BankReconciliationModuleService from "../../modules/bank-reconciliation/service"

export const recordOrderNoticeSentStepId = "record-order-notice-sent"

/** Keeps the Notification Module's id on the order's notice. */
export const recordOrderNoticeSentStep = createStep(
  recordOrderNoticeSentStepId,
  async (input: { notice_id: string; notification_id: string | null }, { container }) => {
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    await service.updateOrderNotices({ id: input.notice_id, notification_id: input.notification_id })
    return new StepResponse(input.notice_id)
  }
)
