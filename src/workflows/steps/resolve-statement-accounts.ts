import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import type { ReceivingAccount } from "../../modules/bank-reconciliation/incoming-transaction"
import type { StatementErrorCode, StatementErrorParams } from "../../modules/bank-reconciliation/statements/types"
import BankReconciliationModuleService from "../../modules/bank-reconciliation/service"

export const resolveStatementAccountsStepId = "resolve-statement-accounts"

export type StatementAccountRef = { iban: string | null; account_label: string; currency: string; place: string }

export type ResolveStatementAccountsInput = {
  file_name: string
  statements: StatementAccountRef[]
  /** Add an account the plugin does not know as a file-only account instead of refusing the file. */
  add_unknown_accounts?: boolean
}

/**
 * Finds each statement's account among the plugin's bank accounts by IBAN. An unknown IBAN refuses
 * the whole file, or, when asked, becomes a file-only account (removed again by compensation). A
 * statement in another currency than its account is refused.
 */
export const resolveStatementAccountsStep = createStep(
  resolveStatementAccountsStepId,
  async (input: ResolveStatementAccountsInput, { container }) => {
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    // the code and params let the admin say it in the operator's language (import-statement-files passes them on)
    const refuse = (ref: StatementAccountRef, reason: string, code: StatementErrorCode, params: StatementErrorParams) =>
      Object.assign(new MedusaError(MedusaError.Types.INVALID_DATA, `${input.file_name}: ${ref.place}: ${reason}`, code), { place: ref.place, params })
    const ibans = [...new Set(input.statements.map((s) => s.iban).filter((iban): iban is string => !!iban))]
    const known = ibans.length ? await service.listBankAccounts({ iban: ibans }, { select: ["id", "iban", "currency_code", "created_at"] }) : []
    const byIban = new Map<string, ReceivingAccount>()
    // an IBAN linked twice (two connections) imports into the account linked first
    for (const account of [...known].sort((a, b) => +new Date(a.created_at) - +new Date(b.created_at))) {
      if (!byIban.has(account.iban!)) byIban.set(account.iban!, { id: account.id, iban: account.iban, currency_code: account.currency_code })
    }
    const created: string[] = []
    const accounts: ReceivingAccount[] = []
    for (const ref of input.statements) {
      if (!ref.iban) {
        throw refuse(ref, `the account "${ref.account_label}" has no IBAN the plugin can find it by.`, "account_without_iban", { account: ref.account_label })
      }
      let account = byIban.get(ref.iban)
      if (!account && !input.add_unknown_accounts) {
        throw refuse(ref, `the account ${ref.iban} is not one of the plugin's bank accounts. Upload it again with "add unknown accounts" to add it as a file-only account.`, "unknown_account", { iban: ref.iban })
      }
      if (!account) {
        const added = await service.createBankAccounts({ source: "file", iban: ref.iban, currency_code: ref.currency, name: ref.iban, import_enabled: true })
        created.push(added.id)
        account = { id: added.id, iban: added.iban, currency_code: added.currency_code }
        byIban.set(ref.iban, account)
      }
      if (account.currency_code && account.currency_code.toUpperCase() !== ref.currency) {
        throw refuse(ref, `the statement is in ${ref.currency}, the account ${ref.iban} in ${account.currency_code.toUpperCase()}.`, "account_currency_mismatch", {
          currency: ref.currency,
          iban: ref.iban,
          account_currency: account.currency_code.toUpperCase(),
        })
      }
      accounts.push(account)
    }
    return new StepResponse({ accounts }, created)
  },
  async (created, { container }) => {
    if (created?.length) {
      await container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE).deleteBankAccounts(created)
    }
  }
)
