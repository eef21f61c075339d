import { PluginError } from "../../lib/plugin-error"
import * as SEPA from "sepa"
import { decimal, sumOf } from "../../lib/money"
import { isValidBic, isValidIban } from "../../lib/bank-transfer/iban"

/**
 * pain.001.001.09: the SEPA credit transfer format of the DK's Anlage 3 since November 2025, when
 * German banks stopped taking pain.001.001.03 files.
 */
export const REFUND_FILE_FORMAT = "pain.001.001.09"

export type RefundFileLine = {
  transaction_id: string
  amount: string
  creditor_name: string
  creditor_iban: string
  creditor_bic: string | null
  remittance_info: string
}

export type RefundFileInput = {
  message_id: string
  created_at: Date
  debtor: { name: string; iban: string; bic: string | null }
  lines: RefundFileLine[]
}

const TWO_DECIMALS = /^\d{1,9}(\.\d{1,2})?$/

/** The SEPA basic Latin set: umlauts spelt out, anything else outside the set becomes a space. */
export function toSepaText(value: string, maxLength: number): string {
  const spelt = value
    .replace(/Ä/g, "Ae").replace(/Ö/g, "Oe").replace(/Ü/g, "Ue")
    .replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss")
    .normalize("NFD").replace(/[\u0300-\u036f]/g, "")
  return spelt.replace(/[^A-Za-z0-9/?:().,'+\- ]/g, " ").replace(/\s+/g, " ").trim().slice(0, maxLength)
}

const compact = (value: string) => value.replace(/\s+/g, "").toUpperCase()

/** Checks what the bank would refuse, naming the payment: IBAN (mod 97), BIC shape, name, amount. */
function assertLine(line: RefundFileLine, index: number) {
  const where = `transaction_ids[${index}] (${line.transaction_id})`
  if (!isValidIban(line.creditor_iban)) {
    throw new PluginError("invalid_data", `${where}: the payer's IBAN ${line.creditor_iban} is not valid; refund this payment by hand.`)
  }
  if (line.creditor_bic && !isValidBic(line.creditor_bic)) {
    throw new PluginError("invalid_data", `${where}: the payer's BIC ${line.creditor_bic} is not valid.`)
  }
  if (!toSepaText(line.creditor_name, 70)) {
    throw new PluginError("invalid_data", `${where}: the payment has no payer name; a transfer needs one.`)
  }
  if (!TWO_DECIMALS.test(line.amount) || decimal(line.amount).lte(0)) {
    throw new PluginError("invalid_data", `${where}: ${line.amount} is not an amount a transfer can carry.`)
  }
}

/**
 * One pain.001.001.09 file with one batch (one debit of the shop's account) holding a credit
 * transfer per line, built with sepa.js. Amounts go in as two-decimal values and the file's
 * control sums are checked against the exact decimal total before the file is returned.
 */
export function buildRefundFile(input: RefundFileInput): { xml: string; total: string } {
  if (!isValidIban(input.debtor.iban)) {
    throw new PluginError("invalid_data", `bank_account_id: the account's IBAN ${input.debtor.iban} is not valid.`)
  }
  input.lines.forEach(assertLine)
  const total = sumOf(input.lines.map((line) => line.amount)).toFixed(2)

  const doc = new SEPA.Document(REFUND_FILE_FORMAT)
  doc.grpHdr.id = input.message_id
  doc.grpHdr.created = input.created_at
  doc.grpHdr.initiatorName = toSepaText(input.debtor.name, 70)
  const info = doc.createPaymentInfo()
  info.id = "1"
  info.requestedExecutionDate = input.created_at
  info.batchBooking = true
  info.debtorName = toSepaText(input.debtor.name, 70)
  info.debtorIBAN = compact(input.debtor.iban)
  info.debtorBIC = input.debtor.bic ? compact(input.debtor.bic) : ""
  doc.addPaymentInfo(info)
  input.lines.forEach((line, i) => {
    const tx = info.createTransaction()
    tx.id = String(i + 1)
    tx.end2endId = `${input.message_id}-${i + 1}`
    tx.amount = Number(line.amount)
    tx.currency = "EUR"
    tx.creditorName = toSepaText(line.creditor_name, 70)
    tx.creditorIBAN = compact(line.creditor_iban)
    tx.creditorBIC = line.creditor_bic ? compact(line.creditor_bic) : ""
    tx.remittanceInfo = toSepaText(line.remittance_info, 140)
    info.addTransaction(tx)
  })
  let xml: string
  try {
    xml = doc.toString()
  } catch (error) {
    throw new PluginError("invalid_data", `The refund file could not be built: ${(error as Error).message}`)
  }
  const sums = [...xml.matchAll(/<CtrlSum>([^<]*)<\/CtrlSum>/g)].map((match) => match[1])
  if (sums.length !== 2 || sums.some((sum) => sum !== total)) {
    throw new PluginError("unexpected_state", `The refund file's control sums (${sums.join(", ")}) differ from the exact total ${total}; nothing was exported.`)
  }
  return { xml, total }
}
