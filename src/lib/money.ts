/**
 * Money for the whole plugin: exact decimals (bignumber.js, the library behind Medusa's MathBN), never
 * floats, and each currency's minor digits as Medusa 2.21 defines them. Pure and light: no Medusa
 * import, so the server, the sandbox, the tests and the benches use the same rules.
 */
import BigNumber from "bignumber.js"

export type Decimal = BigNumber

/**
 * What an amount arrives as: a decimal string, a number from JSON, a bigint of whole units, a raw
 * `{ value }` from Medusa's `raw_*` columns, Medusa's BigNumber (a computed `total` from query.graph;
 * its `bigNumber` is exact, its number value is not) or a bignumber.js value.
 */
export type MoneyInput =
  | string
  | number
  | bigint
  | BigNumber
  | { value?: string | number | null; bigNumber?: BigNumber | null }
  | null
  | undefined

// Medusa's `defaultCurrencies` digits where they differ from 2 (every other currency has 2)
const DIGITS: Record<string, number> = {
  AFN: 0, ALL: 0, AMD: 0, BIF: 0, CLP: 0, COP: 0, CRC: 0, DJF: 0, GNF: 0, HUF: 0, IDR: 0, IQD: 0, IRR: 0, IRT: 0,
  ISK: 0, JPY: 0, KMF: 0, KRW: 0, LBP: 0, MGA: 0, MMK: 0, MNT: 0, MUR: 0, PKR: 0, PYG: 0, RSD: 0, RWF: 0, SOS: 0,
  SYP: 0, TZS: 0, UGX: 0, UZS: 0, VND: 0, XAF: 0, XOF: 0, XPF: 0, YER: 0, ZMK: 0, ZWL: 0,
  BHD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
}

/** The currency's minor digits (EUR 2, JPY 0, KWD 3); 2 for a code Medusa does not know. */
export function currencyDigits(currencyCode: string): number {
  return DIGITS[currencyCode.toUpperCase()] ?? 2
}

/** Decimals written in a decimal string: "10.50" → 2, "10" → 0. */
export function decimalPlaces(amount: string): number {
  const point = amount.indexOf(".")
  return point < 0 ? 0 : amount.length - point - 1
}

/** The exact value of an amount; null and undefined are 0. */
export function decimal(value: MoneyInput): Decimal {
  if (value == null) {
    return new BigNumber(0)
  }
  if (typeof value === "bigint") {
    return new BigNumber(value.toString())
  }
  if (typeof value === "object" && !BigNumber.isBigNumber(value)) {
    if (value.bigNumber != null) {
      return new BigNumber(value.bigNumber)
    }
    return new BigNumber(value.value ?? 0)
  }
  return new BigNumber(value)
}

/** The amount as a decimal string with the currency's digits ("119.00" EUR, "500" JPY), rounded half up. */
export function amountString(value: MoneyInput, currencyCode: string): string {
  return decimal(value).toFixed(currencyDigits(currencyCode))
}

/** The sum of the amounts (0 for none). */
export function sumOf(values: MoneyInput[]): Decimal {
  return values.reduce<Decimal>((sum, value) => sum.plus(decimal(value)), new BigNumber(0))
}

/** The smallest of the amounts. */
export function minOf(...values: MoneyInput[]): Decimal {
  return BigNumber.minimum(...values.map(decimal))
}

/** The largest of the amounts. */
export function maxOf(...values: MoneyInput[]): Decimal {
  return BigNumber.maximum(...values.map(decimal))
}
