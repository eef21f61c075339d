import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  updateRegionsWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"

/** The plugin's bank-transfer payment method as registered in demo/app/medusa-config.ts. */
export const BANK_TRANSFER_PROVIDER_ID = "pp_bank-transfer_bank-transfer"

/**
 * A German shop selling to Germany and Austria in EUR. The seeded orders were paid "manually"
 * (the system provider a bank-transfer shop starts with); new checkouts can choose the plugin's
 * bank transfer.
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
          payment_providers: [BANK_TRANSFER_PROVIDER_ID, "pp_system_default"],
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

/**
 * Offers bank transfer on the store's default region if it does not yet (a demo database seeded
 * before the provider was registered). Runs on every start; changes nothing when it is offered.
 */
export async function offerBankTransfer(container: MedusaContainer): Promise<boolean> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [store],
  } = await query.graph({ entity: "store", fields: ["default_region_id"] })
  if (!store?.default_region_id) {
    return false
  }
  const {
    data: [region],
  } = await query.graph({
    entity: "region",
    fields: ["id", "payment_providers.id"],
    filters: { id: store.default_region_id },
  })
  const providers = (region?.payment_providers ?? []).map((p) => p!.id)
  if (!region || providers.includes(BANK_TRANSFER_PROVIDER_ID)) {
    return false
  }
  await updateRegionsWorkflow(container).run({
    input: {
      selector: { id: region.id },
      update: { payment_providers: [BANK_TRANSFER_PROVIDER_ID, ...providers] },
    },
  })
  return true
}
