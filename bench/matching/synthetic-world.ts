import type { OpenItemInput } from "../../src/modules/bank-reconciliation/matching"
import { createRf } from "../../src/modules/bank-reconciliation/matching"
import { SeededRandom } from "./seeded-random"

const FIRST = ["Anna", "Lukas", "Maria", "Jonas", "Laura", "Felix", "Lea", "Paul", "Sophie", "Leon", "Hannah", "Max", "Emma", "Ben", "Mia", "Elias", "Lena", "Noah", "Julia", "Finn", "Sarah", "Tim", "Lisa", "Jan", "Katharina", "Tobias", "Sabine", "Thomas", "Andrea", "Michael", "Stefanie", "Peter", "Ursula", "Klaus", "Monika", "Jürgen", "Petra", "Uwe", "Birgit", "Jörg", "Özlem", "Mehmet", "Zoë", "René", "Frédéric", "Hans-Peter"]
const LAST = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Schmitz", "Krause", "Meier", "Lehmann", "Schmid", "Schulze", "Maier", "Köhler", "Herrmann", "König", "Walter", "Mayer", "Huber", "Kaiser", "Fuchs", "Peters", "Lang", "Scholz", "Möller", "Weiß", "Jung", "Hahn", "Schubert", "Vogel", "Friedrich", "Keller", "Günther", "Frank", "Berger", "Winkler", "Roth", "Beck", "Lorenz", "Baumann", "Franke", "Albrecht", "Schuster", "Simon", "Ludwig", "Böhm", "Winter", "Kraus", "Martin", "Schumacher", "Krämer", "Vogt", "Stein", "Jäger", "Otto", "Sommer", "Groß", "Seidel", "Heinrich", "Brandt", "Haas", "Schreiber", "Graf", "Schulte", "Dietrich", "Ziegler", "Kuhn", "Kühn", "Pohl", "Engel", "Horn", "Busch", "Bergmann", "von der Heide", "Sauer", "Arnold", "Wolff", "Pfeiffer"]
const TRADE = ["Nordlicht", "Alpenblick", "Rheingold", "Elbtal", "Sonnenhof", "Bergwerk", "Feinkost", "Druckerei", "Tischlerei", "Autohaus", "Gartenbau", "Weinhandel", "Baustoffe", "Medizintechnik"]
const PRICES = [499, 990, 1490, 1999, 2495, 2900, 3990, 4990, 5900, 7900, 9900, 11900, 14990, 19900, 24900, 39900]

export type Customer = { id: string; first: string; last: string; company: string | null; iban: string; ibanKnown: boolean }

export type World = { customers: Customer[]; orders: OpenItemInput[]; ordersOf: Map<string, OpenItemInput[]>; customerOf: Map<string, Customer> }

/** A valid German IBAN for a generated bank code and account number. */
export function germanIban(random: SeededRandom): string {
  const bban = `${random.int(10_000_000, 89_999_999)}${String(random.int(0, 9_999_999_999)).padStart(10, "0")}`
  let remainder = 0
  for (const digit of `${bban}131400`) {
    remainder = (remainder * 10 + Number(digit)) % 97
  }
  return `DE${String(98 - remainder).padStart(2, "0")}${bban}`
}

function cents(value: number): string {
  return `${Math.floor(value / 100)}.${String(value % 100).padStart(2, "0")}`
}

function date(random: SeededRandom): string {
  const day = random.int(0, 60)
  const at = new Date(Date.UTC(2026, 8, 2) + day * 86_400_000)
  return at.toISOString().slice(0, 10)
}

/** Open orders of a shop: 1–3 per customer, repeated prices, some couples sharing an account. */
export function generateWorld(orderCount: number, seed: number): World {
  const random = new SeededRandom(seed)
  const customers: Customer[] = []
  const orders: OpenItemInput[] = []
  const ordersOf = new Map<string, OpenItemInput[]>()
  const customerOf = new Map<string, Customer>()
  while (orders.length < orderCount) {
    const shared = customers.length > 0 && random.chance(0.01) ? customers[customers.length - 1].iban : null
    const last = random.pick(LAST)
    const customer: Customer = {
      id: `cus_${String(customers.length).padStart(7, "0")}`,
      first: random.pick(FIRST),
      last,
      company: random.chance(0.15) ? `${random.pick(TRADE)} ${last} ${random.pick(["GmbH", "KG", "GmbH & Co. KG", "e.K.", "UG (haftungsbeschränkt)"])}` : null,
      iban: shared ?? germanIban(random),
      ibanKnown: shared !== null || random.chance(0.7),
    }
    customers.push(customer)
    const count = Math.min(orderCount - orders.length, Number(random.weighted({ 1: 75, 2: 18, 3: 7 })))
    const list: OpenItemInput[] = []
    for (let k = 0; k < count; k++) {
      // Five-digit order numbers, as in a shop a few years old: a bare one looks like a postal code.
      const displayId = 20001 + orders.length
      const total = Array.from({ length: random.int(1, 2) }, () => random.pick(PRICES)).reduce((a, b) => a + b, 0) + (random.chance(0.6) ? 490 : 0)
      const partlyPaid = random.chance(0.03)
      const order: OpenItemInput = {
        orderId: `order_${String(displayId).padStart(8, "0")}`,
        displayId,
        invoiceNumber: `RE-2026-${displayId}`,
        paymentReference: createRf(String(displayId)),
        customerId: customer.id,
        customerName: `${customer.first} ${customer.last}`,
        companyName: customer.company,
        customerEmail: null,
        knownIbans: customer.ibanKnown ? [customer.iban] : [],
        currency: "EUR",
        total: cents(total),
        outstanding: cents(partlyPaid ? Math.floor(total / 2) : total),
        createdAt: date(random),
      }
      orders.push(order)
      list.push(order)
      customerOf.set(order.orderId, customer)
    }
    ordersOf.set(customer.id, list)
  }
  return { customers, orders, ordersOf, customerOf }
}
