import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import type { OrderNoticeKind } from "../../modules/bank-reconciliation/order-notice-kinds"
import type BankReconciliationModuleService from "../../modules/bank-reconciliation/service"

export const claimOrderNoticeStepId = "claim-order-notice"

export type ClaimOrderNoticeInput = {
  order_id: string
  kind: OrderNoticeKind
  key: string
  data?: Record<string, unknown>
  now?: string
}

/**
 * Records the step for the order unless it was recorded before (the database's unique key decides
 * between instances), with the shop's template for its kind. Compensation removes the record, so a
 * step whose notification could not be sent is tried again.
 */
export const claimOrderNoticeStep = createStep(
  claimOrderNoticeStepId,
  async (input: ClaimOrderNoticeInput, { container }) => {
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    const { prepayment } = await service.getOptions()
    const template = prepayment.notifications.templates[input.kind] ?? null
    const id = await service.claimOrderNotice({
      order_id: input.order_id,
      kind: input.kind,
      key: input.key,
      template,
      data: input.data ?? {},
      happened_at: input.now ? new Date(input.now) : new Date(),
    })
    return new StepResponse({ id, template, channel: prepayment.notifications.channel }, id)
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE).deleteOrderNotices(id)
    }
  }
)
