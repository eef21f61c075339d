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
  const base = {
    amountCents: cents,
    currency: "EUR",
    valueDate: date,
    bankBookingDate: date,
    finapiBookingDate: date,
    counterpartBlz: null,
    counterpartAccountNumber: null,
    counterpartBankName: null,
    counterpartCustomerReference: null,
    counterpartDebitorId: null,
    sepaPurposeCode: null,
    primanota: String(integerBetween(random, 100, 9999)),
    originalAmountCents: null,
    originalCurrency: null,
  }
  if (cents < 0) {
    const supplier = pick(random, SUPPLIERS)
    const directDebit = supplier.creditorId !== null
    return {
      ...base,
      purpose: supplier.purpose,
      counterpartName: supplier.name,
      counterpartIban: supplier.iban,
      counterpartBic: null,
      counterpartMandateReference: directDebit ? `MR-${integerBetween(random, 10000, 99999)}` : null,
      counterpartCreditorId: supplier.creditorId,
      endToEndReference: null,
      type: directDebit ? "Lastschrift" : "Überweisungsauftrag",
      typeCodeZka: directDebit ? "105" : "116",
      typeCodeSwift: directDebit ? "NDDT" : "NTRF",
      bankTransactionCode: directDebit ? "PMNT-RDDT-ESDD" : "PMNT-ICDT-ESCT",
      bankTransactionCodeDescription: directDebit ? "SEPA Lastschrift" : "SEPA Überweisung",
    }
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
  return {
    ...base,
    purpose,
    counterpartName: payer.name,
    counterpartIban: payer.iban,
    counterpartBic: payer.bic,
    counterpartMandateReference: null,
    counterpartCreditorId: null,
    endToEndReference: purpose.startsWith("EREF+NOTPROVIDED") ? "NOTPROVIDED" : purpose.startsWith("EREF+") ? ref : null,
    type: "Gutschrift",
    typeCodeZka: "166",
    typeCodeSwift: "NTRF",
    bankTransactionCode: "PMNT-RCDT-ESCT",
    bankTransactionCodeDescription: "SEPA Gutschrift",
  }
}

/** Sum of a block's amounts, for the account balance. */
export function blockTotalCents(block: GeneratedBlock): number {
  let total = 0
  for (let i = 0; i < block.count; i++) total += block.cents[i]
  return total
}
