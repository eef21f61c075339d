import { MedusaContainer } from "@medusajs/framework/types"
import { refreshOpenOrderSearchIn } from "../workflows/matching/open-order-search-text"

/**
 * The open-order search's projection re-checked against Medusa every minute: rows for every owing
 * order, text corrected where it changed without an event the plugin hears (an order's metadata or
 * billing address, the invoice-number options), rows of orders that no longer owe dropped.
 */
export default async function refreshOpenOrderSearchJob(container: MedusaContainer) {
  await refreshOpenOrderSearchIn(container, { all: true })
}

export const config = {
  name: "finapi-refresh-open-order-search",
  schedule: { cron: "* * * * *", concurrency: "forbid" as const },
}
