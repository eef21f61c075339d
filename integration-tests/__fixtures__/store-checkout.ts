import { MedusaContainer } from "@medusajs/framework/types"
import {
  createApiKeysWorkflow,
  createProductsWorkflow,
  createSalesChannelsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
} from "@medusajs/medusa/core-flows"
import { BANK_TRANSFER_PROVIDER_ID } from "./bank-transfer-options"
import { createGermanRegion } from "./order"

type Api = {
  post: (url: string, body?: unknown, config?: { headers: Record<string, string> }) => Promise<{ data: any }>
}

/**
 * A storefront a customer can buy from: a German EUR region offering bank transfer (and the
 * system provider), a sales channel with its publishable key, and a coffee at 59.50 EUR that needs
 * neither inventory nor shipping.
 */
export async function createBankTransferStorefront(container: MedusaContainer) {
  const region = await createGermanRegion(container, [BANK_TRANSFER_PROVIDER_ID, "pp_system_default"])
  const {
    result: [salesChannel],
  } = await createSalesChannelsWorkflow(container).run({ input: { salesChannelsData: [{ name: "Webshop" }] } })
  const {
    result: [apiKey],
  } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "Webshop", type: "publishable", created_by: "" }] },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: apiKey.id, add: [salesChannel.id] } })
  const {
    result: [product],
  } = await createProductsWorkflow(container).run({
    input: {
      products: [
        {
          title: "Espresso Bohnen",
          status: "published",
          options: [{ title: "Packung", values: ["500 g"] }],
          variants: [
            {
              title: "500 g",
              sku: "ESPRESSO-500",
              manage_inventory: false,
              options: { Packung: "500 g" },
              prices: [{ amount: 59.5, currency_code: "eur" }],
            },
          ],
          sales_channels: [{ id: salesChannel.id }],
        },
      ],
    },
  })
  return { region, salesChannel, publishableKey: apiKey.token, variantId: product.variants[0].id }
}

const SHIPPING_ADDRESS = {
  first_name: "Erika",
  last_name: "Mustermann",
  address_1: "Heidestraße 17",
  city: "Köln",
  postal_code: "51147",
  country_code: "de",
}

/**
 * What a storefront does up to "place order": cart with items, payment collection, a payment
 * session (bank transfer unless `providerId` says otherwise). `sessionData` is what the storefront
 * sends along with the session.
 */
export async function startCheckout(
  api: Api,
  input: {
    headers: Record<string, string>
    regionId: string
    variantId: string
    quantity?: number
    email?: string
    providerId?: string
    sessionData?: Record<string, unknown>
  }
) {
  const { headers } = input
  const {
    data: { cart },
  } = await api.post(
    "/store/carts",
    {
      region_id: input.regionId,
      email: input.email,
      items: [{ variant_id: input.variantId, quantity: input.quantity ?? 2 }],
      shipping_address: SHIPPING_ADDRESS,
      billing_address: SHIPPING_ADDRESS,
    },
    { headers }
  )
  const {
    data: { payment_collection: collection },
  } = await api.post("/store/payment-collections", { cart_id: cart.id }, { headers })
  const {
    data: { payment_collection: withSession },
  } = await api.post(
    `/store/payment-collections/${collection.id}/payment-sessions`,
    { provider_id: input.providerId ?? BANK_TRANSFER_PROVIDER_ID, ...(input.sessionData ? { data: input.sessionData } : {}) },
    { headers }
  )
  return { cart, paymentCollection: withSession, session: withSession.payment_sessions[0] }
}

/** "Place order": completes the cart and returns the order. */
export async function placeOrder(api: Api, cartId: string, headers: Record<string, string>) {
  const { data } = await api.post(`/store/carts/${cartId}/complete`, {}, { headers })
  if (data.type !== "order") {
    throw new Error(`The cart did not become an order: ${JSON.stringify(data.error ?? data)}`)
  }
  return data.order
}
