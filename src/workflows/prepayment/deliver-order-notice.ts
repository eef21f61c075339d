import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendNotificationsStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { loadOrderNoticeDataStep } from "../steps/load-order-notice-data"
import { recordOrderNoticeSentStep } from "../steps/record-order-notice-sent"

export const deliverOrderNoticeWorkflowId = "deliver-order-notice"

type NoticeRow = { id: string; order_id: string; kind: string; template: string | null; notification_id: string | null; data: Record<string, unknown> | null }

/**
 * Sends the customer the notification of a recorded notice, when its kind has a template and it was
 * not sent before: through the Notification Module, on the configured channel, with the order's
 * data and the notice's own (reminder number, deadline, amounts).
 */
export const deliverOrderNoticeWorkflow = createWorkflow(deliverOrderNoticeWorkflowId, function (input: { notice_id: string; channel: string }) {
  const { data } = useQueryGraphStep({
    entity: "order_notice",
    fields: ["id", "order_id", "kind", "template", "notification_id", "data"],
    filters: { id: input.notice_id },
    options: { throwIfKeyNotFound: true },
  }).config({ name: "get-order-notice" })
  const notice = transform({ data }, ({ data }) => data[0] as unknown as NoticeRow)
  const sent = when("notice-to-send", { notice }, ({ notice }) => !!notice.template && !notice.notification_id).then(() => {
    const loaded = loadOrderNoticeDataStep({ order_id: notice.order_id })
    const notifications = sendNotificationsStep(
      transform({ notice, loaded, input }, ({ notice, loaded, input }) => [
        {
          to: loaded.to ?? "",
          receiver_id: loaded.customer_id,
          channel: input.channel,
          template: notice.template!,
          data: { kind: notice.kind, ...loaded.data, ...(notice.data ?? {}) },
          trigger_type: `bank_reconciliation.${notice.kind}`,
          resource_id: notice.order_id,
          resource_type: "order",
          // a second guard beside the notice's unique key
          idempotency_key: `finapi-notice:${notice.id}`,
        },
      ])
    )
    return recordOrderNoticeSentStep(
      transform({ notice, notifications }, ({ notice, notifications }) => ({ notice_id: notice.id, notification_id: notifications[0]?.id ?? null }))
    )
  })
  return new WorkflowResponse(transform({ sent }, ({ sent }) => ({ sent: !!sent })))
})
