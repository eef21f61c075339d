import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import { dueDeadlineAction, latestPlacedAtWithDueAction, paymentDeadline, type DeadlineAction } from "../../modules/bank-reconciliation/prepayment-schedule"
import type BankReconciliationModuleService from "../../modules/bank-reconciliation/service"
import { isBankTransferProvider } from "../../lib/bank-transfer/session-data"

export const planPrepaymentDeadlinesStepId = "plan-prepayment-deadlines"

export type PlannedDeadlineAction = DeadlineAction & { order_id: string; display_id: number | null; deadline: string | null }

type OrderRow = {
  id: string
  display_id: number | null
  created_at: string | Date
  payment_collections?: { status: string; payment_sessions?: { provider_id: string; status: string }[] }[]
}

// no money seen yet: "awaiting" (bank-transfer session pending) or "not_paid"
const UNPAID_COLLECTION = new Set(["awaiting", "not_paid"])

/**
 * The reminders and cancels due at `now` for orders placed with the bank-transfer provider that are
 * still open and unpaid, with no payment assigned or proposed to them. Reads only.
 */
export const planPrepaymentDeadlinesStep = createStep(planPrepaymentDeadlinesStepId, async (input: { now: string }, { container }) => {
  const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
  const { prepayment } = await service.getOptions()
  const now = new Date(input.now)
  const placedBefore = latestPlacedAtWithDueAction(now, prepayment)
  if (!placedBefore) {
    return new StepResponse([] as PlannedDeadlineAction[])
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "display_id", "created_at", "payment_collections.status", "payment_collections.payment_sessions.provider_id", "payment_collections.payment_sessions.status"],
    filters: { status: "pending", is_draft_order: false, created_at: { $lte: placedBefore } },
  })
  const unpaid = (data as unknown as OrderRow[]).filter((order) => {
    const collections = (order.payment_collections ?? []).filter(Boolean)
    const sessions = collections.flatMap((c) => c.payment_sessions ?? [])
    return collections.length > 0 && collections.every((c) => UNPAID_COLLECTION.has(c.status)) && sessions.some((s) => isBankTransferProvider(s.provider_id))
  })
  const taken = new Set(await service.listOrdersWithLiveAssignments(unpaid.map((order) => order.id)))
  const open = unpaid.filter((order) => !taken.has(order.id))
  const notices = open.length
    ? await service.listOrderNotices({ order_id: open.map((order) => order.id), kind: "payment_reminder" }, { select: ["order_id", "key"] })
    : []
  const sent = new Map<string, number[]>()
  for (const notice of notices) {
    sent.set(notice.order_id, [...(sent.get(notice.order_id) ?? []), Number(notice.key.split(":")[1])])
  }
  const actions: PlannedDeadlineAction[] = []
  for (const order of open) {
    const placedAt = new Date(order.created_at)
    const action = dueDeadlineAction(placedAt, now, prepayment, sent.get(order.id) ?? [])
    if (action) {
      actions.push({ ...action, order_id: order.id, display_id: order.display_id, deadline: paymentDeadline(placedAt, prepayment)?.toISOString() ?? null })
    }
  }
  return new StepResponse(actions)
})
