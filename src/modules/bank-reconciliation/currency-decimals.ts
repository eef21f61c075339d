import { MathBN, MedusaError } from "@medusajs/framework/utils"

/**
 * How many decimals a currency's amounts have (ISO 4217 minor units as the runtime's Intl knows
 * them: EUR 2, JPY 0, KWD 3); an unknown code counts as 2.
 */
export function currencyDecimals(currencyCode: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency: currencyCode.toUpperCase() }).resolvedOptions()
      .maximumFractionDigits ?? 2
  } catch {
    return 2
  }
}

/** Decimals written in a decimal string: "10.50" → 2, "10" → 0. */
export function decimalPlaces(amount: string): number {
  const point = amount.indexOf(".")
  return point < 0 ? 0 : amount.length - point - 1
}

/** An operator's amount in `currencyCode`, written with the currency's decimals; more decimals are refused naming `field`. */
export function amountInCurrency(amount: string, currencyCode: string, field = "amount"): string {
  const decimals = currencyDecimals(currencyCode)
  if (decimalPlaces(amount) > decimals) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${field}: ${currencyCode.toUpperCase()} amounts have at most ${decimals} decimals; ${amount} has ${decimalPlaces(amount)}`
    )
  }
  return MathBN.convert(amount).toFixed(decimals)
}
