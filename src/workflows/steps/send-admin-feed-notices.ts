import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import type { AdminFeedNotice } from "../../modules/bank-reconciliation/admin-feed-notices"
import type BankReconciliationModuleService from "../../modules/bank-reconciliation/service"

export const sendAdminFeedNoticesStepId = "send-admin-feed-notices"

/**
 * Puts notices in the admin's notification feed (channel "feed", template "admin-ui"), each once:
 * the Notification Module's unique idempotency key drops a notice sent before. Off with
 * `prepayment.notifications.adminFeed: false`; a shop without a feed provider gets a warning in the log.
 */
export const sendAdminFeedNoticesStep = createStep(sendAdminFeedNoticesStepId, async (notices: AdminFeedNotice[], { container }) => {
  const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
  const { prepayment } = await service.getOptions()
  if (!notices.length || !prepayment.notifications.adminFeed) {
    return new StepResponse(0)
  }
  try {
    const sent = await container.resolve(Modules.NOTIFICATION).createNotifications(
      notices.map((notice) => ({
        to: "",
        channel: "feed",
        template: "admin-ui",
        data: { title: notice.title, description: notice.description },
        trigger_type: "bank_reconciliation.admin_notice",
        idempotency_key: notice.key,
      }))
    )
    return new StepResponse(sent.length)
  } catch (error) {
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`finapi: admin feed notices not sent: ${(error as Error).message}`)
    return new StepResponse(0)
  }
})
