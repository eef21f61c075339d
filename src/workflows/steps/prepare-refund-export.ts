import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { randomBytes } from "crypto"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import { buildRefundFile, REFUND_FILE_FORMAT } from "../../modules/bank-reconciliation/sepa-refund-file"
import type BankReconciliationModuleService from "../../modules/bank-reconciliation/service"
import type { RefundExportRecord } from "../../modules/bank-reconciliation/service"

export const prepareRefundExportStepId = "prepare-refund-export"

export type RefundExportInput = { transaction_ids: string[]; bank_account_id: string; actor_id?: string | null; now?: string }

// "40.5000" → "40.50"; more than two significant decimals stay as they are, so the file check refuses them
const twoDecimals = (amount: string) => {
  const value = MathBN.convert(amount)
  return (value.decimalPlaces() ?? 0) <= 2 ? value.toFixed(2) : value.toFixed()
}

const germanDate = (date: Date) => date.toISOString().slice(0, 10).split("-").reverse().join(".")

/**
 * Checks that every selected payment still has money to refund and was never exported, reads the
 * shop account the refunds are paid from, and builds the pain.001 file. Writes nothing.
 */
export const prepareRefundExportStep = createStep(prepareRefundExportStepId, async (input: RefundExportInput, { container }) => {
  const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
  const ids = [...new Set(input.transaction_ids)]
  // candidates first, exports after: an export committed between the two reads is then seen as one
  // (a payment exported a moment ago is no candidate any more, and is reported as exported)
  const { candidates } = await service.listRefundCandidates({ ids })
  const exported = await service.listRefundExportItems({ transaction_id: ids }, { select: ["transaction_id", "export_id"] })
  if (exported.length) {
    throw new MedusaError(
      MedusaError.Types.DUPLICATE_ERROR,
      `transaction_ids: ${exported.map((item) => item.transaction_id).join(", ")} ${exported.length === 1 ? "was" : "were"} already exported for a refund (file ${exported[0].export_id}); it is never exported twice.`
    )
  }
  const byId = new Map(candidates.map((candidate) => [candidate.id, candidate]))
  const missing = ids.filter((id) => !byId.has(id))
  if (missing.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `transaction_ids: ${missing.join(", ")} has no money left to refund (assigned to orders, ignored, or not found).`)
  }
  const foreign = candidates.filter((candidate) => candidate.currency_code.toUpperCase() !== "EUR")
  if (foreign.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `transaction_ids: ${foreign.map((c) => c.id).join(", ")} is not in EUR; a SEPA transfer carries EUR only.`)
  }
  const account = await service.retrieveBankAccount(input.bank_account_id, { relations: ["connection"] })
  const debtorName = account.holder ?? account.name
  if (!account.iban || !debtorName) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `bank_account_id: account ${account.id} has no IBAN or holder; refresh its bank connection.`)
  }
  const now = input.now ? new Date(input.now) : new Date()
  const messageId = `RFX${now.toISOString().replace(/\D/g, "").slice(0, 14)}${randomBytes(3).toString("hex").toUpperCase()}`
  const lines = ids.map((id) => {
    const candidate = byId.get(id)!
    return {
      transaction_id: id,
      amount: twoDecimals(candidate.surplus),
      creditor_name: candidate.counterpart_name ?? "",
      creditor_iban: candidate.counterpart_iban ?? "",
      creditor_bic: candidate.counterpart_bic,
      remittance_info: `Erstattung Ihrer Zahlung vom ${germanDate(new Date(candidate.booking_date))}`,
    }
  })
  const { xml, total } = buildRefundFile({
    message_id: messageId,
    created_at: now,
    debtor: { name: debtorName, iban: account.iban, bic: account.connection?.bank_bic ?? null },
    lines,
  })
  const record: RefundExportRecord = {
    message_id: messageId,
    file_name: `refunds-${now.toISOString().slice(0, 10)}-${messageId}.xml`,
    format: REFUND_FILE_FORMAT,
    currency_code: "eur",
    total,
    count: lines.length,
    debtor_iban: account.iban.replace(/\s+/g, "").toUpperCase(),
    debtor_name: debtorName,
    xml,
    created_by: input.actor_id ?? null,
    items: lines.map((line, i) => ({
      transaction_id: line.transaction_id,
      order_id: byId.get(line.transaction_id)!.order_id,
      reason: byId.get(line.transaction_id)!.reason,
      amount: line.amount,
      creditor_iban: line.creditor_iban.replace(/\s+/g, "").toUpperCase(),
      creditor_bic: line.creditor_bic,
      creditor_name: line.creditor_name,
      end_to_end_id: `${messageId}-${i + 1}`,
    })),
  }
  const previousHeld = Object.fromEntries(candidates.map((candidate) => [candidate.id, candidate.reason === "cancelled_order" ? "cancelled_order" : null]))
  return new StepResponse({ record, previous_held: previousHeld })
})
