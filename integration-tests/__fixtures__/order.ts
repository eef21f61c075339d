import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  createOrderPaymentCollectionWorkflow,
  createOrderWorkflow,
  createRegionsWorkflow,
} from "@medusajs/medusa/core-flows"

type OrderItem = { title: string; quantity: number; unit_price: number }

/** Creates (once per test) a EUR region for Germany with the given payment providers. */
export async function createGermanRegion(container: MedusaContainer, providers = ["pp_system_default"]) {
  const { result } = await createRegionsWorkflow(container).run({
    input: {
      regions: [{ name: "Deutschland", currency_code: "eur", countries: ["de"], payment_providers: providers }],
    },
  })
  return result[0]
}

/**
 * Creates an order with a not_paid payment collection over its total, as a shop has after
 * checkout with a manual provider. Items are custom line items (no variant needed).
 */
export async function createUnpaidOrder(
  container: MedusaContainer,
  input: { region_id: string; customer_id?: string; email?: string; items?: OrderItem[]; metadata?: Record<string, unknown> }
) {
  const { result: order } = await createOrderWorkflow(container).run({
    input: {
      region_id: input.region_id,
      currency_code: "eur",
      customer_id: input.customer_id,
      email: input.email ?? "erika@example.com",
      items: input.items ?? [{ title: "Kaffeemühle", quantity: 1, unit_price: 119 }],
      metadata: input.metadata,
    },
  })
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [withTotal],
  } = await query.graph({ entity: "order", fields: ["id", "total", "display_id"], filters: { id: order.id } })
  const { result: collection } = await createOrderPaymentCollectionWorkflow(container).run({
    input: { order_id: order.id, amount: Number(withTotal.total) },
  })
  return { order: { ...order, display_id: withTotal.display_id, total: withTotal.total }, paymentCollection: collection[0] }
}
