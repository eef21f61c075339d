import type { BigNumberInput } from "@medusajs/framework/types"
import { defaultCurrencies, MathBN } from "@medusajs/framework/utils"

/** The amount as a decimal string with the currency's minor digits ("119.00" EUR, "500" JPY); exact, never a float. */
export function toDecimalString(amount: BigNumberInput, currencyCode: string): string {
  const digits = defaultCurrencies[currencyCode.toUpperCase()]?.decimal_digits ?? 2
  return MathBN.convert(amount).toFixed(digits)
}
