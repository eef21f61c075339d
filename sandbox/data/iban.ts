/** Builds a German IBAN with correct check digits, so IBAN validators accept sandbox data. */
export function germanIban(bankCode: string, accountNumber: string): string {
  const bban = `${bankCode}${accountNumber.padStart(10, "0")}`
  // ISO 13616: move "DE00" to the end, letters to numbers (D=13, E=14), mod 97.
  const numeric = `${bban}131400`
  let remainder = 0
  for (const digit of numeric) {
    remainder = (remainder * 10 + Number(digit)) % 97
  }
  return `DE${String(98 - remainder).padStart(2, "0")}${bban}`
}
