import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import type BankReconciliationModuleService from "../../modules/bank-reconciliation/service"
import { prepaymentRunNotice } from "../../modules/bank-reconciliation/admin-feed-notices"
import { orderNoticeKey } from "../../modules/bank-reconciliation/order-notice-kinds"
import { cancelUnpaidOrderWorkflow } from "./cancel-unpaid-order"
import { deliverOrderNoticeWorkflow } from "./deliver-order-notice"
import { sendAdminFeedNoticesWorkflow } from "./send-admin-feed-notices"
import { sendOrderNoticeWorkflow } from "./send-order-notice"
import { planPrepaymentDeadlinesStep } from "../steps/plan-prepayment-deadlines"

export const planPrepaymentDeadlinesWorkflowId = "plan-prepayment-deadlines"

/** The reminders and cancels due at `now` (see planPrepaymentDeadlinesStep). */
export const planPrepaymentDeadlinesWorkflow = createWorkflow(planPrepaymentDeadlinesWorkflowId, function (input: { now: string }) {
  return new WorkflowResponse(planPrepaymentDeadlinesStep(input))
})

export type PrepaymentDeadlinesResult = {
  reminded: { order_id: string; n: number }[]
  cancelled: { order_id: string; display_id: number | null }[]
  skipped: { order_id: string; reason: string }[]
}

/**
 * Sends the reminders due at `now` and cancels the overdue orders, one order at a time: one
 * order's failure (a payment assigned meanwhile, a notification that could not be sent) is
 * reported and leaves the others alone. Safe to run from several instances at once: each reminder
 * and cancel is recorded once per order (unique key) and cancels take the order's lock.
 */
export async function runPrepaymentDeadlines(container: MedusaContainer, now: Date = new Date()): Promise<PrepaymentDeadlinesResult> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { result: actions } = await planPrepaymentDeadlinesWorkflow(container).run({ input: { now: now.toISOString() } })
  const result: PrepaymentDeadlinesResult = { reminded: [], cancelled: [], skipped: [] }
  for (const action of actions) {
    if (action.kind === "reminder") {
      const { result: sent, errors } = await sendOrderNoticeWorkflow(container).run({
        input: {
          order_id: action.order_id,
          kind: "payment_reminder",
          key: orderNoticeKey.reminder(action.n),
          data: { reminder: action.n, deadline: action.deadline },
          now: now.toISOString(),
        },
        throwOnError: false,
      })
      if (errors.length) {
        result.skipped.push({ order_id: action.order_id, reason: errors[0].error?.message ?? "failed" })
      } else if (sent.notice_id) {
        result.reminded.push({ order_id: action.order_id, n: action.n })
      }
      continue
    }
    const { result: cancelled, errors } = await cancelUnpaidOrderWorkflow(container).run({
      input: { order_id: action.order_id, deadline: action.deadline, now: now.toISOString() },
      throwOnError: false,
    })
    if (errors.length) {
      result.skipped.push({ order_id: action.order_id, reason: errors[0].error?.message ?? "failed" })
      continue
    }
    result.cancelled.push({ order_id: action.order_id, display_id: action.display_id })
    if (cancelled.notice_id) {
      await deliverOrderNoticeWorkflow(container)
        .run({ input: { notice_id: cancelled.notice_id, channel: cancelled.channel } })
        .catch((error) => logger.warn(`finapi: the cancel notice of order ${action.order_id} was not sent: ${error.message}`))
    }
  }
  return result
}

/**
 * One run of the hourly job `finapi-prepayment-deadlines` at `now`: runPrepaymentDeadlines, then the
 * admin-feed notices (what this run did, consents expiring, payments waiting for a decision).
 */
export async function runPrepaymentDeadlinesJob(container: MedusaContainer, now: Date = new Date()): Promise<PrepaymentDeadlinesResult> {
  const result = await runPrepaymentDeadlines(container, now)
  const { prepayment } = await container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE).getOptions()
  const ran = prepaymentRunNotice(result, now, prepayment.notifications.adminFeedLanguage)
  await sendAdminFeedNoticesWorkflow(container).run({ input: { now: now.toISOString(), notices: ran ? [ran] : [] } })
  return result
}
