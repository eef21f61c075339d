import jsQR from "jsqr"
import type { BrowserContext, Page } from "playwright-core"
import { PNG } from "pngjs"
import { BANK_TRANSFER_PROVIDER_ID } from "../../__fixtures__/bank-transfer-options"
import { placeOrder, startCheckout } from "../../__fixtures__/store-checkout"
import { paymentRow } from "./demo-bank"
import { addBankPayments, ensureLinkedGirokonto } from "./demo-state"
import type { FlowContext } from "./flow-context"

/** The Store API as a storefront calls it: JSON over HTTP, errors with the route and Medusa's answer. */
function storeApi(backendUrl: string) {
  const call = async (method: "GET" | "POST", url: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${backendUrl}${url}`, {
      method,
      headers: { "content-type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const data = await res.json().catch(() => null)
    if (!res.ok) {
      throw new Error(`${method} ${url} answered ${res.status}: ${JSON.stringify(data)}`)
    }
    return { data }
  }
  return {
    get: (url: string, config?: { headers: Record<string, string> }) => call("GET", url, undefined, config?.headers),
    post: (url: string, body?: unknown, config?: { headers: Record<string, string> }) =>
      call("POST", url, body ?? {}, config?.headers),
  }
}

/** GET on the admin API with the browser's logged-in session. */
async function adminGet<T>(page: Page, url: string): Promise<T> {
  return page.evaluate(async (target) => {
    const res = await fetch(target, { credentials: "include" })
    if (!res.ok) {
      throw new Error(`GET ${target} answered ${res.status}`)
    }
    return res.json()
  }, url)
}

type Instructions = {
  account_holder: string
  iban_formatted: string
  amount: string
  payment_reference_formatted: string
  epc_qr_payload: string
  epc_qr_svg: string
}

/**
 * What a storefront's "thank you" page shows from the Store API's instructions, GiroCode included;
 * returns what a QR reader gets from the screenshot of that code.
 */
async function showInstructionsAndScanQr(context: BrowserContext, instructions: Instructions, shot: FlowContext["shot"]) {
  const storefront = await context.newPage()
  try {
    await storefront.setViewportSize({ width: 720, height: 560 })
    await storefront.setContent(`<!doctype html><meta charset="utf-8">
      <body style="font-family: sans-serif; margin: 32px">
        <h2>Bitte überweisen Sie ${instructions.amount} EUR</h2>
        <p>an ${instructions.account_holder}<br>IBAN ${instructions.iban_formatted}<br>
          Verwendungszweck <b>${instructions.payment_reference_formatted}</b></p>
        <p>Oder scannen Sie den GiroCode mit Ihrer Banking-App:</p>
        <div data-testid="girocode" style="width: 220px; height: 220px">${instructions.epc_qr_svg}</div>
      </body>`)
    await shot(storefront, "checkout-storefront-instructions")
    const png = PNG.sync.read(await storefront.getByTestId("girocode").screenshot())
    return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null
  } finally {
    await storefront.close()
  }
}

/**
 * A customer buys through the Store API and chooses bank transfer: the order is placed and waits
 * for the money, with the RF reference and the shop's IBAN from the provider. The customer's
 * transfer arrives at the linked Girokonto (injected in the sandbox); the operator clicks "Get
 * data", the payment is assigned automatically by its reference, and booking it in the booking
 * view authorizes and captures the order's bank-transfer payment: the order shows paid and its
 * widget lists the booked payment. Links the Girokonto if no flow has yet.
 */
export async function bankTransferCheckoutFlow(flow: FlowContext) {
  const { demo, context, page, shot } = flow
  const giro = await ensureLinkedGirokonto(flow)
  const backendUrl = new URL(demo.adminUrl).origin
  const api = storeApi(backendUrl)

  // the storefront: publishable key, region offering bank transfer, a product, checkout
  const { api_keys: keys } = await adminGet<{ api_keys: { title: string; token: string }[] }>(
    page,
    `${backendUrl}/admin/api-keys?type=publishable&limit=50`
  )
  const headers = { "x-publishable-api-key": keys.find((k) => k.title === "Demo-Storefront")!.token }
  const {
    data: { regions },
  } = await api.get("/store/regions", { headers })
  const region = regions.find((r: { countries: { iso_2: string }[] }) => r.countries.some((c) => c.iso_2 === "de"))
  const {
    data: { payment_providers: providers },
  } = await api.get(`/store/payment-providers?region_id=${region.id}`, { headers })
  expect(providers.map((p: { id: string }) => p.id)).toContain(BANK_TRANSFER_PROVIDER_ID)
  const {
    data: { products },
  } = await api.get(`/store/products?handle=espresso-bohnen&region_id=${region.id}&fields=id,title,*variants`, { headers })
  const { cart, session } = await startCheckout(api, {
    headers,
    regionId: region.id,
    variantId: products[0].variants[0].id,
    quantity: 2,
    email: "erika.mustermann@example.de",
  })
  expect(session.provider_id).toBe(BANK_TRANSFER_PROVIDER_ID)
  expect(session.status).toBe("pending")

  // what the storefront shows before "place order": account, amount, reference, GiroCode payload
  const {
    data: { bank_transfer: instructions },
  } = await api.get(`/store/carts/${cart.id}/bank-transfer`, { headers })
  expect(instructions.iban).toBe("DE66280001001234567890")
  expect(instructions.payment_reference).toMatch(/^RF\d{2}[0-9A-Z]+$/)
  expect(instructions.epc_qr_payload).toContain(instructions.payment_reference)
  expect(await showInstructionsAndScanQr(context, instructions, shot)).toBe(instructions.epc_qr_payload)
  const order = await placeOrder(api, cart.id, headers)
  expect(Number(instructions.amount)).toBe(order.total)

  // the placed order waits for the money
  await page.goto(`${demo.adminUrl}/orders/${order.id}`)
  const widget = page.getByTestId("finapi-order-bank-payments")
  await widget.waitFor({ timeout: 120_000 })
  await widget.getByText(instructions.payment_reference_formatted).waitFor()
  await shot(page, "checkout-order-awaiting")
  const before = await adminGet<{ order: { payment_status: string } }>(
    page,
    `${backendUrl}/admin/orders/${order.id}?fields=payment_status`
  )
  expect(before.order.payment_status).toBe("awaiting")

  // the customer's transfer arrives at the Girokonto, the reference typed in groups of four
  const purpose = `${instructions.payment_reference_formatted} Espresso Bestellung`
  await addBankPayments(demo.sandboxUrl, giro.finapiAccountId, [
    { amount: Number(instructions.amount), purpose, counterpartName: "Erika Mustermann" },
  ])

  // import → automatic assignment by the reference
  await page.goto(`${demo.adminUrl}/incoming-payments`)
  await page.getByRole("heading", { name: "Incoming payments" }).first().waitFor({ timeout: 120_000 })
  await page.getByRole("button", { name: "Get data" }).click()
  await page.getByRole("button", { name: "Import", exact: true }).click()
  await paymentRow(page, purpose).waitFor({ timeout: 120_000 })
  await page.getByRole("button", { name: "Assign automatically" }).click()
  await page.getByText("Automatic assignment finished").waitFor({ timeout: 60_000 })
  await paymentRow(page, purpose).getByText(`#${order.display_id}`).waitFor({ timeout: 30_000 })
  await shot(page, "checkout-payment-assigned")

  // book it in the booking view
  await page.goto(`${demo.adminUrl}/incoming-payments/booking`)
  await page.getByRole("heading", { name: "Booking" }).first().waitFor({ timeout: 120_000 })
  await page.getByLabel("Group").click()
  await page.getByRole("option", { name: "As a list" }).click()
  const bookingRow = page.locator("tr", { has: page.getByTestId("finapi-booking-order") }).filter({ hasText: `#${order.display_id}` })
  await bookingRow.waitFor({ timeout: 60_000 })
  await bookingRow.getByLabel("Select", { exact: true }).click()
  await shot(page, "checkout-booking-selected")
  await page.getByTestId("finapi-start-booking").click()
  await page.getByText("1 booked, 0 failed").waitFor({ timeout: 120_000 })
  const result = page.getByTestId("finapi-booking-result").filter({ hasText: `#${order.display_id}` })
  await result.getByText("Open order").click()

  // the order is paid: captured in Medusa, the widget lists the booked payment, nothing outstanding
  await page.waitForURL(new RegExp(`/orders/${order.id}`), { timeout: 60_000 })
  const paidWidget = page.getByTestId("finapi-order-bank-payments")
  await paidWidget.getByTestId("finapi-order-bank-payment").getByText("Booked", { exact: true }).waitFor({ timeout: 60_000 })
  await paidWidget.getByText("Erika Mustermann").waitFor()
  const after = await adminGet<{ order: { payment_status: string; summary: { pending_difference: number } } }>(
    page,
    `${backendUrl}/admin/orders/${order.id}?fields=payment_status,summary`
  )
  expect(after.order.payment_status).toBe("captured")
  expect(after.order.summary.pending_difference).toBe(0)
  await shot(page, "checkout-order-paid")
}
