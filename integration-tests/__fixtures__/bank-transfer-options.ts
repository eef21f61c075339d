/** The shop account the bank-transfer provider shows in tests (a published example IBAN, not a real account). */
export function testBankTransferOptions() {
  return {
    iban: "DE89 3704 0044 0532 0130 00",
    bic: "COBADEFFXXX",
    accountHolder: "Kaffeerösterei Beispiel GmbH",
  }
}

/** Provider id of the test registration: pp_<identifier>_<id in medusa-config>. */
export const BANK_TRANSFER_PROVIDER_ID = "pp_bank-transfer_bank-transfer"
