import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  createOrderPaymentCollectionWorkflow,
  createOrderWorkflow,
} from "@medusajs/medusa/core-flows"
import { demoCustomers } from "./data/customers"
import { demoOrders, toCents, type DemoOrder } from "./data/orders"
import { demoVariants } from "./data/products"

export type SeedOrdersInput = {
  regionId: string
  salesChannelId: string
  customerIdByKey: Map<string, string>
  variantIdBySku: Map<string, string>
}

/**
 * Places every demo order as a shop customer would have with the system
 * provider and leaves it unpaid: one payment collection in `not_paid` for the
 * order total, so the admin shows it as awaiting payment, ready for a bank
 * transfer to be matched to it.
 */
export async function seedOrders(container: MedusaContainer, input: SeedOrdersInput) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const placed: { key: string; id: string; display_id: number; total: number }[] = []

  const now = Date.now()
  for (const demoOrder of demoOrders) {
    const { result: order } = await createOrderWorkflow(container).run({
      input: orderInput(demoOrder, input),
    })

    const {
      data: [created],
    } = await query.graph({
      entity: "order",
      fields: ["id", "display_id", "total"],
      filters: { id: order.id },
    })
    const total = Number(created.total)
    if (toCents(total) !== demoOrder.totalCents) {
      throw new Error(
        `Order ${demoOrder.key} totals ${total} EUR, the seed data expects ${demoOrder.totalCents / 100}`
      )
    }

    await createOrderPaymentCollectionWorkflow(container).run({
      input: { order_id: order.id, amount: total },
    })
    await backdate(container, order.id, placedAt(demoOrder, now))
    placed.push({ key: demoOrder.key, id: order.id, display_id: created.display_id, total })
  }
  return placed
}

function orderInput(demoOrder: DemoOrder, input: SeedOrdersInput) {
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
  return {
    region_id: input.regionId,
    sales_channel_id: input.salesChannelId,
    customer_id: input.customerIdByKey.get(customer.key),
    email: customer.email,
    currency_code: "eur",
    shipping_address: address,
    billing_address: address,
    items: demoOrder.lines.map((line) => {
      const variant = demoVariants.find((v) => v.sku === line.sku)!
      return {
        variant_id: input.variantIdBySku.get(line.sku),
        title: variant.product.title,
        quantity: line.quantity,
        unit_price: variant.price,
        // German shops quote gross prices; VAT is contained, not added.
        is_tax_inclusive: true,
      }
    }),
    shipping_methods: [
      {
        name: demoOrder.shippingCents ? "DHL Paket" : "DHL Paket (versandkostenfrei)",
        amount: demoOrder.shippingCents / 100,
        is_tax_inclusive: true,
      },
    ],
    metadata: { demo_key: demoOrder.key },
  }
}

function placedAt(demoOrder: DemoOrder, now: number) {
  return new Date(now - demoOrder.hoursAgo * 3600_000)
}

// Workflows always stamp "now"; the order list looks real only with history.
export async function backdate(container: MedusaContainer, orderId: string, at: Date) {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  await knex("order").where({ id: orderId }).update({ created_at: at, updated_at: at })
  const links = await knex("order_payment_collection")
    .where({ order_id: orderId })
    .select("payment_collection_id")
  await knex("payment_collection")
    .whereIn("id", links.map((link) => link.payment_collection_id))
    .update({ created_at: at, updated_at: at })
}
