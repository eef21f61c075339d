import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import { consentExpiryNotice, decisionsNotice, type AdminFeedNotice } from "../../modules/bank-reconciliation/admin-feed-notices"
import type BankReconciliationModuleService from "../../modules/bank-reconciliation/service"

export const loadAdminFeedNoticesStepId = "load-admin-feed-notices"

/** The admin-feed notices due at `now`: consents expiring in 14/7/1 days, payments waiting for a decision. Reads only. */
export const loadAdminFeedNoticesStep = createStep(loadAdminFeedNoticesStepId, async (input: { now: string }, { container }) => {
  const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
  const now = new Date(input.now)
  const language = (await service.getOptions()).prepayment.notifications.adminFeedLanguage
  const connections = await service.listBankConnections(
    { status: ["active", "consent_expiring"] },
    { select: ["id", "label", "bank_name", "consent_expires_at"] }
  )
  const notices: (AdminFeedNotice | null)[] = connections.map((connection) => consentExpiryNotice(connection, now, language))
  const [, proposed] = await service.listAndCountBankTransactions({ status: "proposed" }, { select: ["id"], take: 1 })
  const [, late] = await service.listAndCountBankTransactions({ status: ["unassigned", "proposed"], held_reason: "cancelled_order" }, { select: ["id"], take: 1 })
  notices.push(decisionsNotice({ proposed, cancelled_order: late }, now, language))
  return new StepResponse(notices.filter((notice): notice is AdminFeedNotice => !!notice))
})
