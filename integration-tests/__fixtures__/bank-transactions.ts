import { MedusaContainer } from "@medusajs/framework/types"
import { BANK_RECONCILIATION_MODULE } from "../../src/modules/bank-reconciliation"
import type BankReconciliationModuleService from "../../src/modules/bank-reconciliation/service"

type Payment = { amount: string; purpose: string; name: string; iban?: string | null; bic?: string | null; duplicate?: boolean }

/**
 * A linked shop account (as the finAPI import leaves it) with incoming payments stored as an import
 * stores them; for tests about what happens to payments after the import.
 */
export async function createShopAccountWithPayments(container: MedusaContainer, payments: Payment[]) {
  const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
  const bankInterface = await service.createBankInterfaces({ name: "Hausbank" })
  const connection = await service.createBankConnections({
    interface_id: bankInterface.id,
    label: "Commerzbank",
    bank_bic: "COBADEFFXXX",
    finapi_bank_connection_id: "4711",
    status: "active",
  })
  const account = await service.createBankAccounts({
    connection_id: connection.id,
    finapi_account_id: "1001",
    iban: "DE89370400440532013000",
    holder: "Kaffeerösterei Beispiel GmbH",
    currency_code: "EUR",
  })
  const transactions = await service.createBankTransactions(
    payments.map((payment, i) => ({
      account_id: account.id,
      finapi_transaction_id: `T${i + 1}`,
      amount: payment.amount,
      currency_code: "EUR",
      booking_date: new Date("2026-11-20T00:00:00Z"),
      purpose: payment.purpose,
      counterpart_name: payment.name,
      counterpart_iban: payment.iban === undefined ? "DE02120300000000202051" : payment.iban,
      counterpart_bic: payment.bic ?? null,
      fingerprint: `fp-T${i + 1}`,
      is_potential_duplicate: payment.duplicate ?? false,
    }))
  )
  return { account, transactions }
}
