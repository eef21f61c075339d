import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { BANK_RECONCILIATION_MODULE } from "../../../../../../modules/bank-reconciliation"
import { paymentDeadline } from "../../../../../../modules/bank-reconciliation/prepayment-schedule"
import type BankReconciliationModuleService from "../../../../../../modules/bank-reconciliation/service"
import { isBankTransferProvider } from "../../../../../../lib/bank-transfer/session-data"

type OrderRow = { id: string; status: string; created_at: string; payment_collections?: { status: string; payment_sessions?: { provider_id: string }[] }[] }

/** For the order widget: the payment deadline, the reminders and notifications recorded, why it was cancelled, and late payments for it. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const service = req.scope.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
  const {
    data: [found],
  } = await query.graph({ entity: "order", fields: ["id", "status", "created_at", "payment_collections.status", "payment_collections.payment_sessions.provider_id"], filters: { id: req.params.id } })
  const order = found as unknown as OrderRow | undefined
  if (!order) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${req.params.id} was not found; reload the page.`)
  }
  const { prepayment } = await service.getOptions()
  const notices = await service.listOrderNotices({ order_id: order.id }, { order: { happened_at: "ASC" } })
  const late = await service.listBankTransactions(
    { held_order_id: order.id, held_reason: ["cancelled_order", "refunded"] },
    { select: ["id", "amount", "currency_code", "booking_date", "counterpart_name", "held_reason", "status"] }
  )
  // a deadline only where the job would cancel: unpaid orders placed with the bank-transfer provider
  const collections = (order.payment_collections ?? []).filter(Boolean)
  const awaitsTransfer =
    collections.length > 0 &&
    collections.every((c) => c.status === "awaiting" || c.status === "not_paid") &&
    collections.some((c) => (c.payment_sessions ?? []).some((s) => isBankTransferProvider(s?.provider_id)))
  const cancel = notices.find((notice) => notice.kind === "cancelled_for_non_payment")
  res.json({
    prepayment: {
      order_id: order.id,
      deadline: order.status === "pending" && awaitsTransfer ? (paymentDeadline(new Date(order.created_at), prepayment)?.toISOString() ?? null) : null,
      reminder_days: prepayment.reminders.days,
      notices: notices.map((notice) => ({
        id: notice.id,
        kind: notice.kind,
        key: notice.key,
        happened_at: notice.happened_at,
        sent: !!notice.notification_id,
        template: notice.template,
        data: notice.data,
      })),
      cancelled: cancel ? { at: cancel.happened_at, reason: "not_paid_by_deadline", deadline: (cancel.data as { deadline?: string } | null)?.deadline ?? null } : null,
      late_payments: late.map((t) => ({ id: t.id, amount: String(t.amount), currency_code: t.currency_code, booking_date: t.booking_date, counterpart_name: t.counterpart_name, refunded: t.held_reason === "refunded" })),
    },
  })
}
