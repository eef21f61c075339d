import { readFileSync } from "fs"
import { join } from "path"
import { readStatementFile } from "../read-statement-file"
import { incomingEntries, LeftOut } from "../statement-payments"
import type { StatementEntry, StatementFile } from "../types"

/** A statement file of __tests__/files, read as the upload reads it. */
export function statementFixture(name: string) {
  return readStatementFile(statementFixtureBytes(name))
}

export function statementFixtureBytes(name: string): Buffer<ArrayBuffer> {
  return readFileSync(join(__dirname, "files", name))
}

/** A file written in the test (text or bytes), read as the upload reads it. */
export function readText(content: string | Buffer) {
  return readStatementFile(Buffer.isBuffer(content) ? content : Buffer.from(content, "utf8"))
}

/** The incoming payments among a file's entries, and what was left out (debits, reversals, …). */
export function incomingOf(file: StatementFile) {
  const leftOut: LeftOut = {}
  return { credits: incomingEntries(file.statements.flatMap((s) => s.entries), leftOut), leftOut }
}

/** A fixture file read as the upload reads it: its statements' entries, the incoming payments among them and what was left out. */
export function readFixture(name: string) {
  const file = statementFixture(name)
  const { credits, leftOut } = incomingOf(file)
  return { file, entries: file.statements.flatMap((s) => s.entries), incoming: credits, leftOut }
}

/**
 * Jürgen Müller's 49.90 for order 1042 as both Sparkasse exports carry it (camt053-v02-sparkasse.xml,
 * mt940-sparkasse.sta); each reader adds the remittance text, transaction code and place it reads.
 */
export const SPARKASSE_PAYMENT: Omit<StatementEntry, "remittance_text" | "transaction_code" | "place"> = {
  amount: "49.90",
  currency: "EUR",
  direction: "credit",
  status: "BOOK",
  reversal: false,
  booking_date: "2026-11-20",
  value_date: "2026-11-20",
  end_to_end_reference: "E2E-2026-000123",
  creditor_reference: "RF18539007547034",
  debtor_name: "Jürgen Müller",
  debtor_iban: "DE29100100100987654321",
  debtor_bic: "PBNKDEFFXXX",
  ultimate_debtor: null,
  mandate_reference: null,
  creditor_id: null,
  bank_reference: "2026112000012345",
}
