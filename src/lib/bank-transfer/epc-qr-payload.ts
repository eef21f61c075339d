import { decimal } from "../money"

/** What a GiroCode / EPC QR code (EPC069-12, version 002) needs; amount in EUR as a decimal string. */
export type EpcQrInput = {
  bic: string | null
  name: string
  iban: string
  amount: string | null
  reference: string
}

const MIN_AMOUNT = "0.01"
const MAX_AMOUNT = "999999999.99"

/** "EUR119.00", or "" when the amount is missing or outside what the standard allows (the payer then types it). */
function amountElement(amount: string | null): string {
  if (amount === null) {
    return ""
  }
  const value = decimal(amount)
  if (value.lt(MIN_AMOUNT) || value.gt(MAX_AMOUNT) || !value.decimalPlaces(2).eq(value)) {
    return ""
  }
  return `EUR${value.toFixed(2)}`
}

/** One line of text: the payload separates elements by line feeds, so none may appear inside one. */
function singleLine(text: string, maxLength: number): string {
  return text.replace(/[\r\n]+/g, " ").trim().slice(0, maxLength)
}

/**
 * The EPC QR payload: BCD / 002 / UTF-8 / SCT, BIC, name, IBAN, amount, no purpose code, the RF
 * reference as structured remittance; nothing after the last used element.
 */
export function buildEpcQrPayload(input: EpcQrInput): string {
  return [
    "BCD",
    "002",
    "1",
    "SCT",
    input.bic ?? "",
    singleLine(input.name, 70),
    input.iban,
    amountElement(input.amount),
    "",
    input.reference,
  ].join("\n")
}
