import { demoCustomers } from "./customers"
import { demoVariants } from "./products"

/**
 * The demo store's 60 open orders, generated from a fixed seed so every run
 * (and every scenario that writes matching bank payments) gets the same ones.
 * Orders are listed oldest first; on a fresh database `display_id` is the
 * position in this list plus one, so invoice numbers run INV-1 … INV-60.
 */
export type DemoOrder = {
  key: string
  customerKey: string
  lines: { sku: string; quantity: number }[]
  /** Gross shipping in EUR cents (free from 50 €, as many German shops do). */
  shippingCents: number
  /** Gross total in EUR cents: what the customer has to transfer. */
  totalCents: number
  /** Hours before the seed run that the order was placed; grows with `key`. */
  hoursAgo: number
}

const ORDER_COUNT = 60
const FREE_SHIPPING_FROM_CENTS = 5000
const SHIPPING_CENTS = 490

// mulberry32: tiny deterministic PRNG, enough to spread demo data.
function randomFrom(seed: number) {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const toCents = (euros: number) => Math.round(euros * 100)

function buildOrders(): DemoOrder[] {
  const random = randomFrom(20261121)
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]

  return Array.from({ length: ORDER_COUNT }, (_, index) => {
    const lineCount = 1 + Math.floor(random() * 3)
    const lines: DemoOrder["lines"] = []
    while (lines.length < lineCount) {
      const sku = pick(demoVariants).sku
      if (!lines.some((line) => line.sku === sku)) {
        lines.push({ sku, quantity: random() < 0.75 ? 1 : 2 })
      }
    }
    const itemsCents = lines.reduce((sum, line) => {
      const variant = demoVariants.find((v) => v.sku === line.sku)!
      return sum + toCents(variant.price) * line.quantity
    }, 0)
    const shippingCents =
      itemsCents >= FREE_SHIPPING_FROM_CENTS ? 0 : SHIPPING_CENTS

    return {
      key: `o${String(index + 1).padStart(2, "0")}`,
      customerKey: pick(demoCustomers).key,
      lines,
      shippingCents,
      totalCents: itemsCents + shippingCents,
      // Spread over the last six weeks, oldest first, newest about a day ago;
      // the jitter (< the 16.4 h step) keeps dates in display_id order.
      hoursAgo: Math.round(1000 - index * 16.4 - random() * 6),
    }
  })
}

export const demoOrders: DemoOrder[] = buildOrders()
