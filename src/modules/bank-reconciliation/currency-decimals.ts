import { PluginError } from "../../lib/plugin-error"
import { currencyDigits, decimal, decimalPlaces } from "../../lib/money"

/** An operator's amount in `currencyCode`, written with the currency's decimals; more decimals are refused naming `field`. */
export function amountInCurrency(amount: string, currencyCode: string, field = "amount"): string {
  const digits = currencyDigits(currencyCode)
  if (decimalPlaces(amount) > digits) {
    throw new PluginError(
      "invalid_data",
      `${field}: ${currencyCode.toUpperCase()} amounts have at most ${digits} decimals; ${amount} has ${decimalPlaces(amount)}`
    )
  }
  return decimal(amount).toFixed(digits)
}
