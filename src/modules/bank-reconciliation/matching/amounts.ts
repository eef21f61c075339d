/** Money as integer cents: safe integers, never floats. */

/** Largest accepted amount (999 999 999.99), so cents × 10 000 stays a safe integer. */
export const MAX_CENTS = 99_999_999_999

const DECIMAL = /^(\d{1,9})(?:\.(\d{1,2}))?$/

/** Parses a decimal string with at most 2 decimals to integer cents; null when malformed. */
export function parseCents(value: string): number | null {
  // Fast path for the usual shape ("119.00", "7"): one pass over the characters, no match object.
  const length = value.length
  let whole = 0
  let i = 0
  for (; i < length && i < 9; i++) {
    const code = value.charCodeAt(i)
    if (code < 48 || code > 57) {
      break
    }
    whole = whole * 10 + (code - 48)
  }
  if (i > 0 && (i === length || (value.charCodeAt(i) === 46 && length - i >= 2 && length - i <= 3))) {
    let fraction = 0
    let valid = true
    for (let k = i + 1; k < i + 3; k++) {
      const code = k < length ? value.charCodeAt(k) : 48
      if (code < 48 || code > 57) {
        valid = false
        break
      }
      fraction = fraction * 10 + (code - 48)
    }
    if (valid) {
      return whole * 100 + fraction
    }
  }
  const match = DECIMAL.exec(value)
  if (!match) {
    return null
  }
  const fraction = (match[2] ?? "").padEnd(2, "0")
  return Number(match[1]) * 100 + Number(fraction)
}

/** Formats integer cents as a decimal string with exactly 2 decimals. */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? "-" : ""
  const abs = Math.abs(cents)
  const euros = Math.floor(abs / 100)
  const rest = abs % 100
  return `${sign}${euros}.${rest < 10 ? "0" : ""}${rest}`
}

export type AmountContext = {
  roundingCents: number
  skontoMaxPercent: number
  skontoRates: number[]
  skontoMaxDays: number
  underpaymentTolerancePercent: number
  /** A shortfall up to this many cents is a bank fee deducted on the way (0 = off). */
  bankFeeCents: number
  /** Days between order creation and payment, null when a date is missing. */
  daysSinceOrder: number | null
}

export type AmountRelation =
  | { kind: "exact" }
  | { kind: "rounding"; differenceCents: number }
  | { kind: "skonto"; shortCents: number; percent: number }
  | { kind: "tolerance"; shortCents: number }
  | { kind: "bank_fee"; shortCents: number }
  | { kind: "partial"; shortCents: number }
  | { kind: "overpayment"; surplusCents: number }

/** Classifies a payment of `paid` cents against `owed` cents; pure integer arithmetic. */
export function relateAmount(paid: number, owed: number, ctx: AmountContext): AmountRelation {
  if (paid === owed) {
    return { kind: "exact" }
  }
  const difference = paid - owed
  if (Math.abs(difference) <= ctx.roundingCents) {
    return { kind: "rounding", differenceCents: difference }
  }
  if (difference > 0) {
    return { kind: "overpayment", surplusCents: difference }
  }
  const short = -difference
  if (short <= ctx.bankFeeCents) {
    return { kind: "bank_fee", shortCents: short }
  }
  const rate = skontoRate(paid, owed, ctx)
  if (rate !== null) {
    return { kind: "skonto", shortCents: short, percent: rate }
  }
  // short / owed <= tolerance%, compared as short * 10000 <= owed * (tolerance * 100).
  if (short * 10_000 <= owed * Math.round(ctx.underpaymentTolerancePercent * 100)) {
    return { kind: "tolerance", shortCents: short }
  }
  return { kind: "partial", shortCents: short }
}

/** The Skonto rate `paid` corresponds to (within 1 cent), or null; needs the payment in time. */
function skontoRate(paid: number, owed: number, ctx: AmountContext): number | null {
  if (ctx.daysSinceOrder !== null && ctx.daysSinceOrder > ctx.skontoMaxDays) {
    return null
  }
  for (const rate of ctx.skontoRates) {
    if (rate <= 0 || rate > ctx.skontoMaxPercent) {
      continue
    }
    const basisPoints = Math.round(rate * 100)
    // |paid - owed * (1 - rate)| <= 1 cent, scaled by 10 000 to stay in integers.
    if (Math.abs(paid * 10_000 - owed * (10_000 - basisPoints)) <= 10_000) {
      return rate
    }
  }
  return null
}

const DIGIT_COUNTS = new Int32Array(10)

/** True when both amounts use the same digits in another order (a typo such as 1243 ↔ 1234). */
export function looksTransposed(a: number, b: number): boolean {
  if (Number.isSafeInteger(a) && Number.isSafeInteger(b) && a >= 0 && b >= 0) {
    // Digit counts instead of sorted strings: the same answer without allocating.
    DIGIT_COUNTS.fill(0)
    for (let rest = a; ; rest = Math.floor(rest / 10)) {
      DIGIT_COUNTS[rest % 10]++
      if (rest < 10) {
        break
      }
    }
    for (let rest = b; ; rest = Math.floor(rest / 10)) {
      DIGIT_COUNTS[rest % 10]--
      if (rest < 10) {
        break
      }
    }
    return DIGIT_COUNTS.every((count) => count === 0)
  }
  const da = String(a)
  const db = String(b)
  return da.length === db.length && [...da].sort().join("") === [...db].sort().join("")
}

/** Whole days from `from` to `to` (YYYY-MM-DD), or null when either is missing or malformed. */
export function daysBetween(from?: string | null, to?: string | null): number | null {
  if (!from || !to) {
    return null
  }
  const a = Date.parse(`${from.slice(0, 10)}T00:00:00Z`)
  const b = Date.parse(`${to.slice(0, 10)}T00:00:00Z`)
  if (Number.isNaN(a) || Number.isNaN(b)) {
    return null
  }
  return Math.round((b - a) / 86_400_000)
}
