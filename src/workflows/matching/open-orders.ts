import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import type { OpenItemInput } from "../../modules/bank-reconciliation/matching"
import { aliasesByCustomer, invoiceNumberOf, knownIbansByCustomer, pendingOf, toOpenItem } from "../../modules/bank-reconciliation/open-items"
import type BankReconciliationModuleService from "../../modules/bank-reconciliation/service"
import { readOpenOrderRows, type OpenOrderFilter } from "./open-order-rows"

/** What an order owes per Medusa before any assignment, and how the operator knows it. */
export type OrderLimit = { pending: string; label: string }

export type OpenOrders = {
  items: OpenItemInput[]
  /** Every loaded order, open or not, by id. */
  limits: Record<string, OrderLimit>
}

/**
 * The open items among the given orders (or among all orders): not canceled, not drafts, with
 * something left to pay after confirmed assignments, with the customer's learned IBANs and payer names. Without
 * order ids only owing orders are read (filtered in the database, see open-order-rows.ts).
 */
export async function loadOpenOrders(container: MedusaContainer, orderIds?: string[]): Promise<OpenOrders> {
  return loadOpenOrdersWhere(container, orderIds ? { orderIds } : {})
}

/** loadOpenOrders over any filter of open-order-rows (search, one page, one order). */
export async function loadOpenOrdersWhere(container: MedusaContainer, filter: OpenOrderFilter): Promise<OpenOrders> {
  const pg = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
  const orders = await readOpenOrderRows(pg, filter)
  const { invoiceNumber } = await service.getOptions()
  const customerIds = [...new Set(orders.map((order) => order.customer?.id ?? order.customer_id).filter((id): id is string => !!id))]
  const ibans = knownIbansByCustomer(await service.listKnownCounterpartIbans(customerIds))
  const aliases = aliasesByCustomer(await service.listPayerAliases(customerIds))
  const items: OpenItemInput[] = []
  const limits: Record<string, OrderLimit> = {}
  for (const order of orders) {
    limits[order.id] = { pending: order.pending_2 ?? pendingOf(order), label: invoiceNumberOf(order, invoiceNumber) ?? `#${order.display_id}` }
    const customerId = order.customer?.id ?? order.customer_id ?? ""
    // amounts as the database worked them out (BigNumber arithmetic was a third of the load time)
    const amounts = order.total_2 === null ? undefined : { outstanding: order.outstanding_2, total: order.total_2 }
    const item = toOpenItem(order, { assigned: order.assigned, knownIbans: ibans.get(customerId), aliases: aliases.get(customerId), invoiceNumber, amounts })
    if (item) {
      items.push(item)
    }
  }
  return { items, limits }
}
