import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  completeCartWorkflow,
  createCartWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
} from "@medusajs/medusa/core-flows"
import { runPrepaymentDeadlinesJob, storeOrderPaymentReferenceWorkflow } from "medusa-plugin-finapi/workflows"
import { demoCustomers } from "./data/customers"
import { toCents } from "./data/orders"
import { demoPrepaymentOrders, type DemoPrepaymentOrder } from "./data/prepayment-orders"
import { backdate, type SeedOrdersInput } from "./seed-orders"
import { BANK_TRANSFER_PROVIDER_ID } from "./seed-store"

const DAY_MS = 24 * 60 * 60 * 1000


/**
 * Places the demo's bank-transfer orders as a storefront checkout does (cart, payment collection,
 * a bank-transfer payment session, complete: the order awaits the transfer), dates them back, and
 * then lets the plugin's prepayment job run over the days since: once a day from the oldest order to
 * now, with the job's own code and the day as its clock (runPrepaymentDeadlinesJob, what the hourly
 * `finapi-prepayment-deadlines` does), the last run at the real time. So the reminders, the cancel,
 * the customer notifications and the admin-feed notices are the plugin's own, with their dates.
 */
export async function seedPrepaymentOrders(container: MedusaContainer, input: SeedOrdersInput) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const now = Date.now()
  const placed: { key: string; id: string; display_id: number }[] = []
  for (const demoOrder of demoPrepaymentOrders) {
    const orderId = await checkOutWithBankTransfer(container, demoOrder, input)
    // what the plugin's order.placed subscriber does; `medusa exec` runs no subscribers
    await storeOrderPaymentReferenceWorkflow(container).run({ input: { order_id: orderId } })
    const {
      data: [order],
    } = await query.graph({ entity: "order", fields: ["id", "display_id", "total"], filters: { id: orderId } })
    if (toCents(Number(order.total)) !== demoOrder.totalCents) {
      throw new Error(`Order ${demoOrder.key} totals ${order.total} EUR, the seed data expects ${demoOrder.totalCents / 100}`)
    }
    const { days, minutes } = demoOrder.placedAgo
    await backdate(container, orderId, new Date(now - days * DAY_MS - minutes * 60_000))
    placed.push({ key: demoOrder.key, id: orderId, display_id: order.display_id })
  }

  // The job runs hourly; between two daily runs here it would have found nothing due, as every
  // demo order was placed less than an hour past a full day before now.
  const oldestDays = Math.max(...demoPrepaymentOrders.map((o) => Math.ceil(o.placedAgo.days + o.placedAgo.minutes / 1440)))
  const runs = { reminded: 0, cancelled: [] as number[] }
  for (let daysAgo = oldestDays; daysAgo >= 0; daysAgo--) {
    const result = await runPrepaymentDeadlinesJob(container, new Date(now - daysAgo * DAY_MS))
    if (result.skipped.length) {
      throw new Error(`The prepayment job skipped demo orders: ${result.skipped.map((s) => `${s.order_id} (${s.reason})`).join(", ")}`)
    }
    runs.reminded += result.reminded.length
    runs.cancelled.push(...result.cancelled.map((c) => c.display_id ?? 0))
  }
  return { placed, ...runs }
}

async function checkOutWithBankTransfer(container: MedusaContainer, demoOrder: DemoPrepaymentOrder, input: SeedOrdersInput) {
  const customer = demoCustomers.find((c) => c.key === demoOrder.customerKey)!
  const address = {
    first_name: customer.first_name,
    last_name: customer.last_name,
    company: customer.company_name,
    address_1: customer.address_1,
    postal_code: customer.postal_code,
    city: customer.city,
    country_code: customer.country_code,
    phone: customer.phone,
  }
  const customerId = input.customerIdByKey.get(customer.key)
  const { result: cart } = await createCartWorkflow(container).run({
    input: {
      region_id: input.regionId,
      sales_channel_id: input.salesChannelId,
      customer_id: customerId,
      email: customer.email,
      currency_code: "eur",
      shipping_address: address,
      billing_address: address,
      items: demoOrder.lines.map((line) => ({ variant_id: input.variantIdBySku.get(line.sku)!, quantity: line.quantity })),
      metadata: { demo_key: demoOrder.key },
    },
  })
  const { result: collection } = await createPaymentCollectionForCartWorkflow(container).run({ input: { cart_id: cart.id } })
  await createPaymentSessionsWorkflow(container).run({
    input: { payment_collection_id: collection.id, provider_id: BANK_TRANSFER_PROVIDER_ID, customer_id: customerId },
  })
  const { result: order } = await completeCartWorkflow(container).run({ input: { id: cart.id } })
  return order.id
}
