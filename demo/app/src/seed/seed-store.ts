import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"

/**
 * A German shop selling to Germany and Austria in EUR, paid through the
 * system payment provider (the "manual" one a bank-transfer shop starts with).
 */
export async function seedStore(container: MedusaContainer) {
  const {
    result: [salesChannel],
  } = await createSalesChannelsWorkflow(container).run({
    input: {
      salesChannelsData: [
        { name: "Online-Shop", description: "Webshop kaffee-demo.example.de" },
      ],
    },
  })

  const {
    result: [region],
  } = await createRegionsWorkflow(container).run({
    input: {
      regions: [
        {
          name: "Deutschland & Österreich",
          currency_code: "eur",
          countries: ["de", "at"],
          payment_providers: ["pp_system_default"],
          automatic_taxes: true,
        },
      ],
    },
  })

  await createTaxRegionsWorkflow(container).run({
    input: [
      {
        country_code: "de",
        provider_id: "tp_system",
        default_tax_rate: { rate: 19, code: "DE19", name: "MwSt. 19 %" },
      },
      {
        country_code: "at",
        provider_id: "tp_system",
        default_tax_rate: { rate: 20, code: "AT20", name: "USt. 20 %" },
      },
    ],
  })

  const {
    result: [publishableKey],
  } = await createApiKeysWorkflow(container).run({
    input: {
      api_keys: [{ title: "Demo-Storefront", type: "publishable", created_by: "" }],
    },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({
    input: { id: publishableKey.id, add: [salesChannel.id] },
  })

  const [store] = await container.resolve(Modules.STORE).listStores()
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        name: "Kaffee-Demo GmbH",
        supported_currencies: [
          { currency_code: "eur", is_default: true, is_tax_inclusive: true },
        ],
        default_sales_channel_id: salesChannel.id,
        default_region_id: region.id,
      },
    },
  })

  return { salesChannel, region, publishableKey }
}
