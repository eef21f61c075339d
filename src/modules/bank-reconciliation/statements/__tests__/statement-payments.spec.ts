import { fingerprintOf } from "../../incoming-transaction"
import type { DecimalTransaction } from "../../finapi"
import { entryFingerprint, statementPaymentRows } from "../statement-payments"
import type { StatementEntry } from "../types"

const account = { id: "bacc_1", iban: "DE93370501981234567890", currency_code: "EUR" }

const entry = (over: Partial<StatementEntry> = {}): StatementEntry => ({
  amount: "49.90",
  currency: "EUR",
  direction: "credit",
  status: "BOOK",
  reversal: false,
  booking_date: "2026-11-20",
  value_date: "2026-11-20",
  end_to_end_reference: null,
  creditor_reference: null,
  remittance_text: "Bestellung 1042",
  debtor_name: "Jürgen Müller",
  debtor_iban: "DE29100100100987654321",
  debtor_bic: null,
  ultimate_debtor: null,
  mandate_reference: null,
  creditor_id: null,
  bank_reference: null,
  transaction_code: null,
  place: "Stmt 1, Ntry 1",
  ...over,
})

const rows = (entries: StatementEntry[]) =>
  statementPaymentRows({ entries, account, syncRunId: "bsync_1", ids: entries.map((_, i) => `btx_${i}`), fileName: "a.xml" })

describe("statement payment rows", () => {
  it("gives a payment the fingerprint finAPI's import gives the same payment", () => {
    const finapi = {
      counterpartIban: "DE29100100100987654321",
      bankBookingDate: "2026-11-20",
      amount: "49.9",
      currency: "EUR",
      endToEndReference: null,
      purpose: "Bestellung  1042",
    } as unknown as DecimalTransaction
    expect(entryFingerprint(entry(), account)).toBe(fingerprintOf(finapi, account))
    expect(entryFingerprint(entry({ amount: "49.91" }), account)).not.toBe(fingerprintOf(finapi, account))
  })

  it("numbers equal payments within a file and holds the second for review", () => {
    const [first, second, other] = rows([entry(), entry(), entry({ remittance_text: "Bestellung 1043" })])
    expect(first.dedupe_key).toBe(`${first.fingerprint}#1`)
    expect(second.dedupe_key).toBe(`${first.fingerprint}#2`)
    expect(other.dedupe_key).toBe(`${other.fingerprint}#1`)
    expect([first, second, other].map((r) => r.is_potential_duplicate)).toEqual([false, true, false])
    expect(first.finapi_transaction_id).toBe(`file:${first.dedupe_key}`)
  })

  it("adds a structured RF reference to the purpose only when the text does not carry it", () => {
    const [structured, inText] = rows([
      entry({ creditor_reference: "RF18539007547034" }),
      entry({ creditor_reference: "RF18539007547034", remittance_text: "RF18539007547034 Bestellung 1042" }),
    ])
    expect(structured.purpose).toBe("Bestellung 1042 RF18539007547034")
    expect(inText.purpose).toBe("RF18539007547034 Bestellung 1042")
    expect(structured).toMatchObject({ source: "file", creditor_reference: "RF18539007547034", currency_code: "eur", booking_date: "2026-11-20T00:00:00.000Z" })
  })
})
