import { isValidIban } from "../../../lib/bank-transfer/iban"
import { sumOf } from "../../../lib/money"
import { shownAmount } from "./decimal-amount"
import { StatementEntry, StatementFileError, statementWarning, type StatementWarning } from "./types"
import {
  amountOf,
  bankTransactionCode,
  booleanOf,
  compactIban,
  currencyOf,
  dateOf,
  directionOf,
  list,
  Node,
  node,
  signed,
  statusOf,
  text,
} from "./camt-values"

/** What reading an entry needs from its message and statement. */
export type EntryContext = { warnings: StatementWarning[]; defaultStatus: string; messageDate: string | null }

/**
 * One <Ntry> as the payments it stands for: the entry itself, its single transaction, or each
 * transaction of a batch when they add up to the entry (else the entry whole, with a warning).
 */
export function readEntry(
  ntry: Node,
  place: string,
  accountCurrency: string | null,
  context: EntryContext & { statementDate: string | null }
): StatementEntry[] {
  const { warnings } = context
  const entryAmount = amountOf(ntry.Amt, `${place}, Amt`, accountCurrency)
  const direction = directionOf(text(ntry, "CdtDbtInd"), `${place}, CdtDbtInd`)
  const status = statusOf(ntry, context.defaultStatus)
  const reversal = booleanOf(text(ntry, "RvslInd"))
  // a booked entry without a booking date (some camt.054) is booked on its value date, one without
  // either on the statement's date
  const bookingDate = dateOf(node(ntry, "BookgDt")) ?? dateOf(node(ntry, "ValDt")) ?? (status === "BOOK" ? context.statementDate : null)
  if (!bookingDate && status === "BOOK") {
    throw new StatementFileError(`${place}, BookgDt`, "a booked entry has neither a booking date nor a value date", "camt_no_booking_date")
  }
  const shared = {
    status,
    reversal,
    booking_date: bookingDate ?? "",
    value_date: dateOf(node(ntry, "ValDt")),
    bank_reference: text(ntry, "AcctSvcrRef") ?? text(ntry, "NtryRef"),
    transaction_code: bankTransactionCode(node(ntry, "BkTxCd")),
  }
  const details = list(ntry.NtryDtls).flatMap((d) => list(d.TxDtls))
  const whole = (): StatementEntry => ({ ...emptyParties(), ...shared, ...entryAmount, direction, remittance_text: text(ntry, "AddtlNtryInf"), place })
  if (!details.length) {
    return [whole()]
  }
  if (details.length === 1) {
    // one transaction: the entry's amount is what was booked (a transaction's own amount may be the
    // instructed one, in another currency or before charges)
    const tx = details[0]
    return [
      {
        ...shared,
        ...entryAmount,
        ...parties(tx),
        direction,
        bank_reference: text(tx, "Refs", "AcctSvcrRef") ?? shared.bank_reference,
        transaction_code: bankTransactionCode(node(tx, "BkTxCd")) ?? shared.transaction_code,
        place,
      },
    ]
  }
  const entries = details.map((tx, i) => {
    const txPlace = `${place}, TxDtls ${i + 1}`
    const amount = transactionAmount(tx, entryAmount.currency, txPlace)
    const txDirection = text(tx, "CdtDbtInd") ? directionOf(text(tx, "CdtDbtInd"), `${txPlace}, CdtDbtInd`) : direction
    return {
      ...shared,
      ...amount,
      ...parties(tx),
      direction: txDirection,
      bank_reference: text(tx, "Refs", "AcctSvcrRef") ?? shared.bank_reference,
      transaction_code: bankTransactionCode(node(tx, "BkTxCd")) ?? shared.transaction_code,
      place: txPlace,
    }
  })
  const missing = entries.findIndex((e) => e.amount === null)
  const sum = sumOf(entries.map((e) => (e.amount === null ? 0 : signed(e as { amount: string; direction: "credit" | "debit" }))))
  if (missing >= 0 || !sum.eq(signed({ ...entryAmount, direction }))) {
    // the bank booked the entry: imported as one payment of its amount rather than split wrongly
    warnings.push(
      missing >= 0
        ? statementWarning(
            `${place}, TxDtls ${missing + 1}`,
            `a transaction of the batch has no amount in ${entryAmount.currency}; the entry is read as one payment of ${entryAmount.amount}`,
            "batch_without_amount",
            { currency: entryAmount.currency, amount: entryAmount.amount }
          )
        : statementWarning(place, `the batch's transactions add up to ${shownAmount(sum)}, the entry says ${entryAmount.amount}; the entry is read as one payment`, "batch_sum_mismatch", {
            sum: shownAmount(sum),
            amount: entryAmount.amount,
          })
    )
    return [whole()]
  }
  return entries as StatementEntry[]
}

/**
 * A batch transaction's amount in the entry's currency: <Amt> (.04 and later), <AmtDtls><TxAmt> (.02),
 * or the counter value; null when it has none in that currency.
 */
function transactionAmount(tx: Node, currency: string, place: string): { amount: string | null; currency: string } {
  const candidates = [tx.Amt, node(tx, "AmtDtls", "TxAmt")?.Amt, node(tx, "AmtDtls", "CntrValAmt")?.Amt].filter(Boolean)
  const inCurrency = candidates.find((c) => currencyOf(c) === currency)
  return inCurrency ? amountOf(inCurrency, `${place}, Amt`, currency) : { amount: null, currency }
}

function parties(tx: Node): Omit<StatementEntry, "amount" | "currency" | "direction" | "status" | "reversal" | "booking_date" | "value_date" | "bank_reference" | "transaction_code" | "place"> {
  const related = node(tx, "RltdPties")
  // .08 wraps the party: <Dbtr><Pty><Nm>; .02/.04: <Dbtr><Nm>
  const debtor = node(related, "Dbtr", "Pty") ?? node(related, "Dbtr")
  const ultimate = node(related, "UltmtDbtr", "Pty") ?? node(related, "UltmtDbtr")
  const remittance = node(tx, "RmtInf")
  const ustrd = list<unknown>(remittance?.Ustrd)
    .map((u) => (u && typeof u === "object" ? (u as Node)["#text"] : u))
    .filter((u) => u !== undefined && u !== null && u !== "")
    .map(String)
  const structured = list(remittance?.Strd)
  const creditorRef = structured
    .flatMap((s) => list(s.CdtrRefInf))
    .map((c) => text(c, "Ref"))
    .find(Boolean)
  const additional = structured.flatMap((s) => list<unknown>(s.AddtlRmtInf)).filter((a) => typeof a === "string" && a) as string[]
  const otherAccount = text(related, "DbtrAcct", "Id", "Othr", "Id")
  const iban = text(related, "DbtrAcct", "Id", "IBAN") ?? (otherAccount && isValidIban(compactIban(otherAccount)) ? otherAccount : null)
  return {
    end_to_end_reference: text(tx, "Refs", "EndToEndId"),
    creditor_reference: creditorRef ?? null,
    remittance_text: ustrd.length ? ustrd.join(" ") : additional.length ? additional.join(" ") : text(tx, "AddtlTxInf"),
    debtor_name: text(debtor, "Nm"),
    debtor_iban: iban ? compactIban(iban) : null,
    debtor_bic: text(tx, "RltdAgts", "DbtrAgt", "FinInstnId", "BIC") ?? text(tx, "RltdAgts", "DbtrAgt", "FinInstnId", "BICFI"),
    ultimate_debtor: text(ultimate, "Nm"),
    mandate_reference: text(tx, "Refs", "MndtId"),
    creditor_id: text(related, "Cdtr", "Id", "PrvtId", "Othr", "Id") ?? text(related, "Cdtr", "Pty", "Id", "PrvtId", "Othr", "Id"),
  }
}

function emptyParties(): ReturnType<typeof parties> {
  return {
    end_to_end_reference: null,
    creditor_reference: null,
    remittance_text: null,
    debtor_name: null,
    debtor_iban: null,
    debtor_bic: null,
    ultimate_debtor: null,
    mandate_reference: null,
    creditor_id: null,
  }
}

