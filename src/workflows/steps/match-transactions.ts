import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import { matchTransactions, type BankTransactionInput, type OpenItemInput } from "../../modules/bank-reconciliation/matching"
import type BankReconciliationModuleService from "../../modules/bank-reconciliation/service"

export const matchTransactionsStepId = "match-transactions"

/** Runs the matching engine with the shop's `matching` options; reads and writes nothing. */
export const matchTransactionsStep = createStep(
  matchTransactionsStepId,
  async (input: { transactions: BankTransactionInput[]; openItems: OpenItemInput[] }, { container }) => {
    if (!input.transactions.length) {
      return new StepResponse({ results: [] })
    }
    const { matching } = await container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE).getOptions()
    return new StepResponse(matchTransactions({ transactions: input.transactions, openItems: input.openItems, options: matching }))
  }
)
