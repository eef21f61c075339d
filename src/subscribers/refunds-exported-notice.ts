import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { REFUNDS_EXPORTED_EVENT } from "../workflows/booking/export-refunds"
import { notifyRefundsExported } from "../workflows/booking/notify-refunds-exported"

/** A refund file was exported: the customers concerned hear that their surplus will be refunded. */
export default async function refundsExportedNotice({ event, container }: SubscriberArgs<{ id: string }>) {
  await notifyRefundsExported(container, event.data.id)
}

export const config: SubscriberConfig = {
  event: REFUNDS_EXPORTED_EVENT,
  context: { subscriberId: "finapi-refunds-exported-notice" },
}
