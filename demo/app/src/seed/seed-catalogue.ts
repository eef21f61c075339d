import type { MedusaContainer } from "@medusajs/framework/types"
import { ProductStatus } from "@medusajs/framework/utils"
import { createProductsWorkflow } from "@medusajs/medusa/core-flows"
import { demoProducts } from "./data/products"

/** Creates the catalogue and returns variant ids by SKU. */
export async function seedCatalogue(
  container: MedusaContainer,
  { salesChannelId }: { salesChannelId: string }
) {
  const { result: products } = await createProductsWorkflow(container).run({
    input: {
      products: demoProducts.map((product) => ({
        title: product.title,
        handle: product.handle,
        description: product.description,
        status: ProductStatus.PUBLISHED,
        options: [
          { title: product.option, values: product.variants.map((v) => v.title) },
        ],
        variants: product.variants.map((variant) => ({
          title: variant.title,
          sku: variant.sku,
          options: { [product.option]: variant.title },
          // The demo is about payments; stock levels would only add setup.
          manage_inventory: false,
          prices: [{ amount: variant.price, currency_code: "eur" }],
        })),
        sales_channels: [{ id: salesChannelId }],
      })),
    },
  })

  const variantIdBySku = new Map<string, string>()
  for (const product of products) {
    for (const variant of product.variants ?? []) {
      variantIdBySku.set(variant.sku!, variant.id)
    }
  }
  return variantIdBySku
}
