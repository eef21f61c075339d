import type { Allocation, BankTransactionInput, OpenItemInput } from "../../src/modules/bank-reconciliation/matching"
import { parseCents, formatCents } from "../../src/modules/bank-reconciliation/matching/amounts"
import { SeededRandom } from "./seeded-random"
import { germanIban, type Customer, type World } from "./synthetic-world"

/**
 * certain: resolvable without doubt (the contract's "auto rate" population);
 * answer: has a right answer that needs a human; ambiguous: must never be auto; noise: no order.
 */
export type Label = "certain" | "answer" | "ambiguous" | "noise"

export type LabelledTransaction = { transaction: BankTransactionInput; expected: Allocation[] | null; label: Label; kind: string }

const KINDS = {
  rf: 20, invoice: 12, order: 9, e2e: 4, bare: 6, iban: 10, name: 6, skonto: 3, partial: 4, deduction: 1, over: 2,
  multiRef: 3, multiList: 2, multiIban: 2, typoRf: 2, noise: 8, postal: 3, transposed: 1, rounding: 1, typoOrder: 1, surname: 1,
}
type Kind = keyof typeof KINDS

const SUFFIX = ["", "", "", " Danke", " vom 02.11.2026", " Kd-Nr. 48213", " 10115 Berlin", " Gruss", " Betrag 49,90"]

/** How banks print a payer name: case, order, umlauts, 27-character cut. */
function payerName(customer: Customer, random: SeededRandom): string {
  const person = `${customer.first} ${customer.last}`
  const options = customer.company && random.chance(0.7) ? [customer.company] : [person, `${customer.last}, ${customer.first}`, person.toUpperCase(), person.replace(/ü/g, "ue").replace(/ö/g, "oe").replace(/ä/g, "ae").replace(/ß/g, "ss")]
  return random.pick(options).slice(0, 27)
}

function exact(order: OpenItemInput, cents?: number): Allocation[] {
  const owed = parseCents(order.outstanding)!
  return [{ orderId: order.orderId, amount: formatCents(Math.min(cents ?? owed, owed)) }]
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

/** Generates `count` incoming payments with the answer a careful operator would give. */
export function generatePayments(world: World, count: number, seed: number): LabelledTransaction[] {
  const random = new SeededRandom(seed)
  const ibanOwners = new Map<string, number>()
  world.customers.filter((c) => c.ibanKnown).forEach((c) => ibanOwners.set(c.iban, (ibanOwners.get(c.iban) ?? 0) + 1))
  const out: LabelledTransaction[] = []
  const targets = shuffledIndexes(world.orders.length, random)
  const paid = new Set<string>()
  for (let i = 0, next = 0; i < count; i++) {
    let kind = random.weighted(KINDS)
    // Distinct orders while there are enough: a real batch rarely pays one order twice.
    let order = world.orders[targets[next++ % targets.length]]
    while (paid.has(order.orderId) && next < targets.length) {
      order = world.orders[targets[next++]]
    }
    const together = world.ordersOf.get(order.customerId!)!.slice(0, 2)
    const several = kind === "multiRef" || kind === "multiList" || kind === "multiIban"
    if (several && together.some((o) => paid.has(o.orderId))) {
      kind = "invoice"
    }
    ;(several && kind !== "invoice" ? together : [order]).forEach((o) => paid.add(o.orderId))
    const customer = world.customerOf.get(order.orderId)!
    const siblings = world.ordersOf.get(customer.id)!
    const owed = parseCents(order.outstanding)!
    const ibanDecides = (cents: number) => {
      if (siblings.filter((o) => parseCents(o.outstanding) === cents).length > 1) {
        return "ambiguous" as const
      }
      if (customer.ibanKnown && ibanOwners.get(customer.iban) === 1) {
        return "certain" as const
      }
      return hasNamesake(world, order, customer) ? ("ambiguous" as const) : ("answer" as const)
    }
    const base: BankTransactionInput = {
      id: `tx_${String(i).padStart(6, "0")}`, amount: order.outstanding, currency: "EUR",
      bookingDate: addDays(order.createdAt!, random.int(1, 10)), valueDate: null, purpose: "",
      counterpartName: payerName(customer, random), counterpartIban: customer.iban, endToEndReference: null,
    }
    base.valueDate = base.bookingDate
    const made = build(kind, { world, random, order, customer, siblings, owed, base, ibanDecides, paid })
    made.transaction.purpose = `${made.transaction.purpose}${kind === "noise" ? "" : random.pick(SUFFIX)}`.trim()
    out.push({ ...made, kind })
  }
  return out
}

function shuffledIndexes(length: number, random: SeededRandom): number[] {
  const indexes = Array.from({ length }, (_, i) => i)
  for (let i = length - 1; i > 0; i--) {
    const j = random.int(0, i)
    ;[indexes[i], indexes[j]] = [indexes[j], indexes[i]]
  }
  return indexes
}

type Context = {
  world: World; random: SeededRandom; order: OpenItemInput; customer: Customer; siblings: OpenItemInput[]; owed: number
  base: BankTransactionInput; ibanDecides: (cents: number) => "certain" | "answer" | "ambiguous"; paid: Set<string>
}

function build(kind: Kind, c: Context): Omit<LabelledTransaction, "kind"> {
  const { random, order, base, owed } = c
  const id = order.displayId!
  const inv = order.invoiceNumber!
  const rf = order.paymentReference!
  const tx = (patch: Partial<BankTransactionInput>): BankTransactionInput => ({ ...base, ...patch })
  const invoiceText = () => random.pick([inv, `Rechnung ${inv}`, `Rechnung ${inv.slice(3)}`, `Re.Nr. ${inv.replace(/\D/g, "")}`, `RG ${inv.slice(3)}`, `Rechnungsnummer: ${inv.replace(/-/g, " ")}`])
  switch (kind) {
    case "rf":
      return { transaction: tx({ purpose: random.pick([rf, rf.replace(/(.{4})/g, "$1 ").trim(), `${rf} Danke`, `Zahlung ${rf.toLowerCase()}`]) }), expected: exact(order), label: "certain" }
    case "invoice":
      return { transaction: tx({ purpose: invoiceText() }), expected: exact(order), label: "certain" }
    case "order":
      return { transaction: tx({ purpose: random.pick([`Bestellung ${id}`, `Order #${id}`, `Best.-Nr. ${id}`, `Auftrag ${id} Kd-Nr. 55123`, `Bestellnr.${id}`]) }), expected: exact(order), label: "certain" }
    case "e2e":
      return { transaction: tx({ purpose: "", endToEndReference: random.pick([rf, `ORDER-${id}`]) }), expected: exact(order), label: "certain" }
    case "bare": {
      // The number alone could be a postal code; the payer's own name (no IBAN needed) and the exact amount confirm it.
      const purpose = random.pick([`${id} Vielen Dank`, `${id}`, `Zahlung ${id}`, `${id} Kostenstelle ${random.int(1, 99)}`, `${id} 10115 Berlin`, `Ihre ${id} vom 02.11.`])
      return { transaction: tx({ purpose, counterpartIban: random.chance(0.5) ? germanIban(random) : base.counterpartIban }), expected: exact(order), label: "certain" }
    }
    case "iban":
      return { transaction: tx({ purpose: random.pick(["Danke", "Einkauf", "Online-Shop", ""]) }), expected: exact(order), label: c.ibanDecides(owed) }
    case "name":
      return nameOnly(c)
    case "skonto": {
      const paid = Math.round(owed * 0.98)
      return { transaction: tx({ purpose: invoiceText(), amount: formatCents(paid), bookingDate: addDays(order.createdAt!, 5), valueDate: addDays(order.createdAt!, 5) }), expected: exact(order, paid), label: "certain" }
    }
    case "partial": {
      // An instalment naming the order: half, a third, or a round sum well below what is owed.
      const share = random.pick([Math.floor(owed / 2), Math.floor(owed / 3), Math.floor(owed / 1000) * 500])
      const paid = share >= 100 && share <= owed * 0.8 ? share : Math.max(1, Math.floor(owed / 2))
      const purpose = random.pick([invoiceText(), `Teilzahlung ${rf.replace(/(.{4})/g, "$1 ").trim()}`, `Anzahlung Bestellung ${id}`, `1. Rate ${inv}`])
      return { transaction: tx({ purpose, amount: formatCents(paid) }), expected: exact(order, paid), label: "certain" }
    }
    case "deduction": {
      // A few euros short without any agreed discount: an operator decides what happens to the rest.
      const paid = owed - Math.max(101, Math.round(owed * random.pick([0.01, 0.04, 0.06])))
      return { transaction: tx({ purpose: invoiceText(), amount: formatCents(Math.max(1, paid)), bookingDate: addDays(order.createdAt!, 30), valueDate: addDays(order.createdAt!, 30) }), expected: exact(order, Math.max(1, paid)), label: "answer" }
    }
    case "over": {
      // Rounded up, or a little extra: the order is settled, the surplus stays visible.
      const paid = random.pick([Math.ceil((owed + 1) / 1000) * 1000, owed + 100, owed + random.int(1, 2000)])
      return { transaction: tx({ purpose: random.pick([invoiceText(), rf, `Bestellung ${id}`]), amount: formatCents(paid) }), expected: exact(order), label: paid - owed <= owed ? "certain" : "answer" }
    }
    case "typoOrder":
      return typoOrder(c)
    case "surname":
      return surnameOnly(c)
    case "multiRef":
    case "multiList":
    case "multiIban":
      return multiple(kind, c)
    case "typoRf": {
      const typo = rf.slice(0, 4) + rf.slice(4).split("").reverse().join("")
      return typo === rf ? { transaction: tx({ purpose: rf }), expected: exact(order), label: "certain" } : { transaction: tx({ purpose: typo }), expected: exact(order), label: c.ibanDecides(owed) }
    }
    case "noise":
      return {
        transaction: tx({ purpose: random.pick(["Miete Dezember", "Erstattung Lieferant 10115 Berlin", "Gutschrift 02.11.2026", "Rueckzahlung Kaution", "Lastschrift Rueckgabe", "Umbuchung"]), amount: formatCents(random.int(500, 50_000)), counterpartName: random.pick(["Stadtwerke", "Vermieter GbR", "Lieferant AG", "Finanzamt"]), counterpartIban: germanIban(random) }),
        expected: null, label: "noise",
      }
    case "postal": {
      const other = random.pick(c.world.orders)
      const made = nameOnly(c)
      made.transaction.purpose = `Lieferung Hauptstr. 5, ${other.displayId} Berlin`
      return made
    }
    case "transposed": {
      const digits = String(owed)
      const swapped = digits.length >= 3 ? Number(digits.slice(0, -3) + digits[digits.length - 2] + digits[digits.length - 3] + digits.slice(-1)) : owed + 1
      const paid = swapped === owed ? owed + 100 : swapped
      return { transaction: tx({ purpose: invoiceText(), amount: formatCents(paid) }), expected: exact(order, paid), label: "answer" }
    }
    case "rounding": {
      const paid = owed + (random.chance(0.5) ? 1 : -1)
      return { transaction: tx({ purpose: `Bestellung ${id}`, amount: formatCents(paid) }), expected: exact(order, paid), label: "certain" }
    }
  }
}

const namesakeCounts = new WeakMap<World, Map<string, number>>()

/** Another order of the same amount owed by someone of the same name (or company name). */
function hasNamesake(world: World, order: OpenItemInput, customer: Customer): boolean {
  let counts = namesakeCounts.get(world)
  if (!counts) {
    counts = new Map()
    for (const o of world.orders) {
      for (const name of new Set([o.customerName, o.companyName].filter(Boolean))) {
        counts.set(`${name}|${o.outstanding}`, (counts.get(`${name}|${o.outstanding}`) ?? 0) + 1)
      }
    }
    namesakeCounts.set(world, counts)
  }
  const names = new Set([`${customer.first} ${customer.last}`, customer.company].filter(Boolean))
  return [...names].some((name) => (counts!.get(`${name}|${order.outstanding}`) ?? 0) > 1)
}

/** Only the payer's name identifies the order (new account): ambiguous when a namesake owes the same. */
function nameOnly(c: Context): Omit<LabelledTransaction, "kind"> {
  const tx = { ...c.base, purpose: "Danke", counterpartIban: germanIban(c.random) }
  const namesake = hasNamesake(c.world, c.order, c.customer)
  return { transaction: tx, expected: namesake ? null : exact(c.order), label: namesake ? "ambiguous" : "answer" }
}

/** One transfer for two orders of the same customer, with or without their numbers. */
function multiple(kind: "multiRef" | "multiList" | "multiIban", c: Context): Omit<LabelledTransaction, "kind"> {
  if (c.siblings.length < 2) {
    return { transaction: { ...c.base, purpose: `Rechnung ${c.order.invoiceNumber}` }, expected: exact(c.order), label: "certain" }
  }
  const [a, b] = c.siblings
  const sum = parseCents(a.outstanding)! + parseCents(b.outstanding)!
  const expected = [a, b].map((o) => ({ orderId: o.orderId, amount: o.outstanding }))
  if (kind === "multiList") {
    const purpose = c.random.pick([`Rechnungen ${a.displayId} ${b.displayId}`, `${a.displayId}/${b.displayId}`, `${a.invoiceNumber}, ${b.invoiceNumber}`, `${a.invoiceNumber} ${b.invoiceNumber}`, `RE ${a.displayId}/${b.displayId} Danke`])
    return { transaction: { ...c.base, amount: formatCents(sum), purpose }, expected, label: "certain" }
  }
  if (kind === "multiRef") {
    return { transaction: { ...c.base, amount: formatCents(sum), purpose: c.random.pick([`RE ${a.displayId}, ${b.displayId}`, `Rechnungen ${a.displayId} und ${b.displayId}`, `Bestellungen ${a.displayId} + ${b.displayId}`]) }, expected, label: "certain" }
  }
  return { transaction: { ...c.base, amount: formatCents(sum), purpose: "Sammelzahlung" }, expected, label: "answer" }
}

/**
 * The payer mistypes their own order number (two digits swapped or one digit off) and the typed
 * number is another customer's order owing the same amount: nobody can be sure, never automatic.
 */
function typoOrder(c: Context): Omit<LabelledTransaction, "kind"> {
  const id = String(c.order.displayId!)
  const i = c.random.int(0, id.length - 2)
  const swapped = id.slice(0, i) + id[i + 1] + id[i] + id.slice(i + 2)
  const typed = swapped !== id ? swapped : id.slice(0, -1) + String((Number(id.slice(-1)) + 1) % 10)
  const other = c.world.orders.find((o) => String(o.displayId) === typed)
  const purpose = c.random.pick([`Bestellung ${typed}`, `Order ${typed}`, `Rechnung RE-2026-${typed}`])
  const transaction = { ...c.base, purpose, counterpartIban: germanIban(c.random) }
  if (other && other.customerId !== c.order.customerId && !c.paid.has(other.orderId)) {
    // Make the coincidence: the other order owes what this payer pays (and no other payment is for it).
    other.outstanding = c.order.outstanding
    c.paid.add(other.orderId)
    return { transaction, expected: null, label: "ambiguous" }
  }
  // The typed number names no order, or one owing something else: the payer's own order is the answer.
  return { transaction, expected: exact(c.order), label: "answer" }
}

/** Someone who only shares a customer's surname pays an amount close to one of their orders: no one to suggest. */
function surnameOnly(c: Context): Omit<LabelledTransaction, "kind"> {
  const owed = c.owed
  const paid = Math.max(1, owed + c.random.pick([-1, -50, 30, -200]))
  const first = c.random.pick(["Anneliese", "Bruno", "Carola", "Detlef", "Edeltraud"])
  return { transaction: { ...c.base, amount: formatCents(paid), purpose: "Danke", counterpartName: `${first} ${c.customer.last}`, counterpartIban: germanIban(c.random) }, expected: null, label: "noise" }
}
