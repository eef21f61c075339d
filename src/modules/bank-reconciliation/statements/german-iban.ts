/** The German IBAN of a BLZ and account number (BBAN = 8-digit BLZ + 10-digit account), or null if they are not that. */
export function germanIban(blz: string, accountNumber: string): string | null {
  if (!/^\d{8}$/.test(blz) || !/^\d{1,10}$/.test(accountNumber)) {
    return null
  }
  const bban = blz + accountNumber.padStart(10, "0")
  // ISO 13616: BBAN + "DE00" with letters as numbers (D=13, E=14), check = 98 - mod 97
  const check = 98n - (BigInt(`${bban}131400`) % 97n)
  return `DE${check.toString().padStart(2, "0")}${bban}`
}
