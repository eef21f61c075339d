import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { BANK_RECONCILIATION_MODULE } from "../../src/modules/bank-reconciliation"
import type { OpenItemInput } from "../../src/modules/bank-reconciliation/matching"
import {
  aliasesByCustomer,
  invoiceNumberOf,
  knownIbansByCustomer,
  pendingOf,
  toOpenItem,
  type OrderForOpenItem,
} from "../../src/modules/bank-reconciliation/open-items"
import type BankReconciliationModuleService from "../../src/modules/bank-reconciliation/service"

// Everything an open item is built from, in one query over `order`.
export const OPEN_ORDER_FIELDS = [
  "id",
  "display_id",
  "custom_display_id",
  "status",
  "currency_code",
  "email",
  "created_at",
  "total",
  "metadata",
  "customer_id",
  "summary.*",
  "customer.id",
  "customer.first_name",
  "customer.last_name",
  "customer.company_name",
  "customer.email",
  "billing_address.first_name",
  "billing_address.last_name",
  "billing_address.company",
  "payment_collections.payment_sessions.id",
  "payment_collections.payment_sessions.provider_id",
  "payment_collections.payment_sessions.status",
  "payment_collections.payment_sessions.data",
]

/** What an order owes per Medusa before any assignment, and how the operator knows it. */
export type OrderLimit = { pending: string; label: string }

export type OpenOrders = {
  items: OpenItemInput[]
  /** Every loaded order, open or not, by id. */
  limits: Record<string, OrderLimit>
}

/**
 * The open items among the given orders (or among all orders): not canceled, not drafts, with
 * something left to pay after confirmed assignments, with the customer's learned IBANs and payer names.
 */
export async function loadOpenOrders(container: MedusaContainer, orderIds?: string[]): Promise<OpenOrders> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
  const filters: Record<string, unknown> = { is_draft_order: false, status: { $ne: "canceled" } }
  if (orderIds) {
    filters.id = orderIds
  }
  const { data } = await query.graph({ entity: "order", fields: OPEN_ORDER_FIELDS, filters })
  const orders = data as unknown as OrderForOpenItem[]
  const { invoiceNumber } = await service.getOptions()
  const assigned = await service.sumConfirmedByOrder(orders.map((order) => order.id))
  const customerIds = [...new Set(orders.map((order) => order.customer?.id ?? order.customer_id).filter((id): id is string => !!id))]
  const ibans = knownIbansByCustomer(await service.listKnownCounterpartIbans(customerIds))
  const aliases = aliasesByCustomer(await service.listPayerAliases(customerIds))
  const items: OpenItemInput[] = []
  const limits: Record<string, OrderLimit> = {}
  for (const order of orders) {
    limits[order.id] = { pending: pendingOf(order), label: invoiceNumberOf(order, invoiceNumber) ?? `#${order.display_id}` }
    const customerId = order.customer?.id ?? order.customer_id ?? ""
    const item = toOpenItem(order, { assigned: assigned[order.id], knownIbans: ibans.get(customerId), aliases: aliases.get(customerId), invoiceNumber })
    if (item) {
      items.push(item)
    }
  }
  return { items, limits }
}
