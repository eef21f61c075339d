import { MedusaContainer } from "@medusajs/framework/types"
import {
  createInventoryItemsWorkflow,
  createProductsWorkflow,
  createStockLocationsWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
} from "@medusajs/medusa/core-flows"
import { createBankTransferStorefront } from "./store-checkout"

/**
 * The bank-transfer storefront plus a coffee grinder (59.50 EUR) whose stock Medusa manages: 10 in a
 * warehouse of the sales channel, so placing an order reserves them. It needs no shipping.
 */
export async function createStockedStorefront(container: MedusaContainer) {
  const shop = await createBankTransferStorefront(container)
  const {
    result: [location],
  } = await createStockLocationsWorkflow(container).run({ input: { locations: [{ name: "Lager Köln" }] } })
  await linkSalesChannelsToStockLocationWorkflow(container).run({ input: { id: location.id, add: [shop.salesChannel.id] } })
  const {
    result: [item],
  } = await createInventoryItemsWorkflow(container).run({
    input: {
      items: [
        { sku: "MUEHLE-SCHWARZ", title: "Kaffeemühle", requires_shipping: false, location_levels: [{ location_id: location.id, stocked_quantity: 10 }] },
      ],
    },
  })
  const {
    result: [product],
  } = await createProductsWorkflow(container).run({
    input: {
      products: [
        {
          title: "Kaffeemühle",
          status: "published",
          options: [{ title: "Farbe", values: ["Schwarz"] }],
          variants: [
            {
              title: "Schwarz",
              sku: "MUEHLE-SCHWARZ",
              manage_inventory: true,
              inventory_items: [{ inventory_item_id: item.id, required_quantity: 1 }],
              options: { Farbe: "Schwarz" },
              prices: [{ amount: 59.5, currency_code: "eur" }],
            },
          ],
          sales_channels: [{ id: shop.salesChannel.id }],
        },
      ],
    },
  })
  return { ...shop, variantId: product.variants[0].id, inventoryItemId: item.id, locationId: location.id }
}
