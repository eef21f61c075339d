/** Test-side money: BigInt cents from decimal strings, so sums never touch floats. */
export function toCents(decimal: string): bigint {
  const negative = decimal.startsWith("-")
  const [whole, fraction = ""] = decimal.replace("-", "").split(".")
  const cents = BigInt(whole) * 100n + BigInt((fraction + "00").slice(0, 2))
  return negative ? -cents : cents
}

/** Formats BigInt cents as a decimal string with two places. */
export function fromCents(cents: bigint): string {
  const sign = cents < 0n ? "-" : ""
  const abs = cents < 0n ? -cents : cents
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`
}

/** Drains an async iterable into an array (only for small result sets). */
export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of iterable) {
    out.push(item)
  }
  return out
}
