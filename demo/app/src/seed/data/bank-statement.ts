import { demoCustomers, type DemoCustomer } from "./customers"
import { demoOrders } from "./orders"

/**
 * The incoming payments the demo's finAPI sandbox puts on the Girokonto of the finAPI Test Bank
 * when it is linked (`--statement`), made from the demo's own orders so the first "Assign
 * automatically" shows what the plugin does: invoice numbers with the exact amount from the
 * customer (assigned automatically), payments without a reference from customers with one open
 * order (suggestions), a partial, an overpayment, one transfer for two orders, and a few payments
 * that belong to no order. Orders 1–3 are left for the browser tests' own payments.
 */
export type StatementRow = {
  slot: 0
  daysAgo: number
  content: { amountCents: number; counterpartName: string; counterpartIban: string; counterpartBic: string | null; purpose: string; type: string }
}

const FIRST_ORDER = 3
const invoice = (index: number) => `INV-${index + 1}`
const customerOf = (index: number) => demoCustomers.find((c) => c.key === demoOrders[index].customerKey)!
const payerName = (c: DemoCustomer) => c.company_name ?? `${c.first_name} ${c.last_name}`

/** A valid German IBAN per customer (check digits by ISO 13616), fixed so a payer keeps theirs. */
export function demoIban(c: DemoCustomer): string {
  const bban = `10070024${String(4_000_000_000 + Number(c.key.slice(1)) * 7_919).padStart(10, "0")}`
  const numeric = `${bban}131400` // "DE" = 13 14, then "00"
  const remainder = [...numeric].reduce((r, digit) => (r * 10 + Number(digit)) % 97, 0)
  return `DE${String(98 - remainder).padStart(2, "0")}${bban}`
}

function row(daysAgo: number, amountCents: number, payer: DemoCustomer | { name: string; iban: string }, purpose: string): StatementRow {
  const name = "key" in payer ? payerName(payer) : payer.name
  const iban = "key" in payer ? demoIban(payer) : payer.iban
  return { slot: 0, daysAgo, content: { amountCents, counterpartName: name, counterpartIban: iban, counterpartBic: null, purpose, type: "Gutschrift" } }
}

const ordersOfCustomer = new Map<string, number[]>()
demoOrders.forEach((o, i) => ordersOfCustomer.set(o.customerKey, [...(ordersOfCustomer.get(o.customerKey) ?? []), i]))
const candidates = demoOrders.map((_, i) => i).filter((i) => i >= FIRST_ORDER)
const loneOrders = candidates.filter((i) => ordersOfCustomer.get(demoOrders[i].customerKey)!.length === 1)
const invoiceOrders = candidates.filter((i) => !loneOrders.includes(i))

const PURPOSES = [(n: string) => `Rechnung ${n}`, (n: string) => `${n} vielen Dank`, (n: string) => `Bestellung ${n} Kaffee`, (n: string) => `RE ${n}`]

const exact = invoiceOrders.slice(0, 14).map((i, k) => row(1 + (k % 9), demoOrders[i].totalCents, customerOf(i), PURPOSES[k % PURPOSES.length](invoice(i))))
const suggested = loneOrders.slice(0, 4).map((i, k) => row(2 + k, demoOrders[i].totalCents, customerOf(i), ["Danke fuer die Lieferung", "Ueberweisung", "Kaffeebestellung", "Zahlung"][k]))
const [partialOrder, overOrder, firstOfTwo, secondOfTwo] = invoiceOrders.slice(14, 18)
const special = [
  row(3, Math.round(demoOrders[partialOrder].totalCents / 2), customerOf(partialOrder), `Anzahlung ${invoice(partialOrder)}`),
  row(4, demoOrders[overOrder].totalCents + 1_000, customerOf(overOrder), `Rechnung ${invoice(overOrder)} inkl. Trinkgeld`),
  row(5, demoOrders[firstOfTwo].totalCents + demoOrders[secondOfTwo].totalCents, customerOf(firstOfTwo), `${invoice(firstOfTwo)} und ${invoice(secondOfTwo)}`),
]
const unrelated = [
  row(2, 12_000, { name: "Allianz Versicherungs-AG", iban: "DE21700202700001234567" }, "Erstattung Schadennummer 4711-0815"),
  row(6, 3_150, { name: "Finanzamt Köln-Mitte", iban: "DE81370000000037001504" }, "Erstattung USt 10/2026"),
]

/** What the demo's sandbox adds to the Girokonto's statement, oldest first. */
export const bankStatement: StatementRow[] = [...exact, ...suggested, ...special, ...unrelated].sort((a, b) => b.daysAgo - a.daysAgo)

/** The demo orders (0-based) the statement pays; browser tests pick their own orders outside these. */
export const statementOrderIndexes: number[] = [...invoiceOrders.slice(0, 18), ...loneOrders.slice(0, 4)]
