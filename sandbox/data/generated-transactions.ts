import type { TransactionContent } from "../model"
import { dateOfDay } from "./dates"
import { createRandom, integerBetween, pick, seedFrom } from "./prng"
import { INCOMING_PURPOSES, PAYERS, SUPPLIERS } from "./payer-vocabulary"

/**
 * Bulk transactions are never stored as objects: a block keeps two typed-array
 * columns (amount, booking day) for filtering and re-derives every other field from
 * (block seed, row index) when a page is served. 100 000 rows cost ~800 KB.
 */
export interface GeneratedBlockSpec {
  accountId: number
  firstId: number
  count: number
  seed: number
  importDate: number
  fromDay: number
  toDay: number
  /** Share of rows that are incoming payments (0..1). */
  incomingShare: number
}

export interface GeneratedBlock extends GeneratedBlockSpec {
  cents: Int32Array
  bookingDay: Int32Array
}

function rowRandom(seed: number, index: number): () => number {
  return createRandom(seedFrom(seed, index))
}

/** The first draws of a row decide its amount and day; `describeRow` repeats them to stay in step. */
function drawAmountAndDay(random: () => number, spec: GeneratedBlockSpec): { cents: number; day: number } {
  const incoming = random() < spec.incomingShare
  const cents = incoming ? integerBetween(random, 990, 249_900) : -integerBetween(random, 395, 89_000)
  const day = integerBetween(random, spec.fromDay, spec.toDay)
  return { cents, day }
}

export function createBlock(spec: GeneratedBlockSpec): GeneratedBlock {
  const cents = new Int32Array(spec.count)
  const bookingDay = new Int32Array(spec.count)
  for (let i = 0; i < spec.count; i++) {
    const drawn = drawAmountAndDay(rowRandom(spec.seed, i), spec)
    cents[i] = drawn.cents
    bookingDay[i] = drawn.day
  }
  return { ...spec, cents, bookingDay }
}

export function describeRow(block: GeneratedBlock, index: number): TransactionContent {
  const random = rowRandom(block.seed, index)
  drawAmountAndDay(random, block)
  const cents = block.cents[index]
  const date = dateOfDay(block.bookingDay[index])
  const primanota = String(integerBetween(random, 100, 9999))
  if (cents < 0) {
    const supplier = pick(random, SUPPLIERS)
    const debit = supplier.creditorId !== null
    return row(cents, date, primanota, supplier.purpose, supplier.name, supplier.iban, null, {
      mandate: debit ? `MR-${integerBetween(random, 10000, 99999)}` : null,
      creditorId: supplier.creditorId,
      endToEnd: null,
      kind: debit ? DIRECT_DEBIT : TRANSFER_OUT,
    })
  }
  const payer = pick(random, PAYERS)
  const order = String(integerBetween(random, 1000, 99999))
  const ref = `${date.replace(/-/g, "")}-${order}`
  const purpose = pick(random, INCOMING_PURPOSES)
    .replace("{order}", order)
    .replace("{ref}", ref)
    .replace("{name}", payer.name)
    .replace("{customer}", String(integerBetween(random, 10000, 99999)))
    .replace("{date}", date.split("-").reverse().join("."))
  const endToEnd = purpose.startsWith("EREF+NOTPROVIDED") ? "NOTPROVIDED" : purpose.startsWith("EREF+") ? ref : null
  return row(cents, date, primanota, purpose, payer.name, payer.iban, payer.bic, { mandate: null, creditorId: null, endToEnd, kind: CREDIT })
}

const CREDIT = { type: "Gutschrift", zka: "166", swift: "NTRF", code: "PMNT-RCDT-ESCT", description: "SEPA Gutschrift" }
const DIRECT_DEBIT = { type: "Lastschrift", zka: "105", swift: "NDDT", code: "PMNT-RDDT-ESDD", description: "SEPA Lastschrift" }
const TRANSFER_OUT = { type: "Überweisungsauftrag", zka: "116", swift: "NTRF", code: "PMNT-ICDT-ESCT", description: "SEPA Überweisung" }

/**
 * One literal with every field in a fixed order: building rows by object spread made
 * V8 reshape each object (~60 µs per row), which a 100 000-row search cannot afford.
 */
function row(
  cents: number,
  date: string,
  primanota: string,
  purpose: string,
  name: string,
  iban: string,
  bic: string | null,
  extra: { mandate: string | null; creditorId: string | null; endToEnd: string | null; kind: typeof CREDIT }
): TransactionContent {
  return {
    amountCents: cents,
    currency: "EUR",
    valueDate: date,
    bankBookingDate: date,
    finapiBookingDate: date,
    purpose,
    counterpartName: name,
    counterpartIban: iban,
    counterpartBic: bic,
    counterpartBlz: null,
    counterpartAccountNumber: null,
    counterpartBankName: null,
    counterpartMandateReference: extra.mandate,
    counterpartCustomerReference: null,
    counterpartCreditorId: extra.creditorId,
    counterpartDebitorId: null,
    endToEndReference: extra.endToEnd,
    type: extra.kind.type,
    typeCodeZka: extra.kind.zka,
    typeCodeSwift: extra.kind.swift,
    sepaPurposeCode: null,
    bankTransactionCode: extra.kind.code,
    bankTransactionCodeDescription: extra.kind.description,
    primanota,
    originalAmountCents: null,
    originalCurrency: null,
  }
}

/** Sum of a block's amounts, for the account balance. */
export function blockTotalCents(block: GeneratedBlock): number {
  let total = 0
  for (let i = 0; i < block.count; i++) total += block.cents[i]
  return total
}
