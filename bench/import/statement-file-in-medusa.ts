import type { MedusaContainer } from "@medusajs/framework/types"
import { XMLParser } from "fast-xml-parser"
import { camt053, CamtCredit } from "../../integration-tests/__fixtures__/camt-statement"
import { readStatementFile } from "../../src/modules/bank-reconciliation/statements/read-statement-file"
import { importStatementFiles } from "../../src/workflows/import/import-statement-files"

const seconds = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e9

/**
 * A camt.053 of `count` incoming payments for a file-only account, imported like an upload, beside
 * its anchor: fast-xml-parser alone parsing the same file (what any CAMT import must at least do).
 */
export async function statementFileBench(container: MedusaContainer, count: number) {
  const credits: CamtCredit[] = []
  for (let i = 0; i < count; i++) {
    const day = String(1 + (i % 28)).padStart(2, "0")
    credits.push({
      amount: `${10 + (i % 990)}.${String(i % 100).padStart(2, "0")}`,
      booking_date: `2026-10-${day}`,
      debtor_name: `Zahler ${i} Müller`,
      debtor_iban: "DE82200505501234567899",
      end_to_end_reference: `BENCH-${i}`,
      remittance_text: `Bestellung ${100000 + i} Rechnung RE-2026-${i}`,
    })
  }
  const bytes = Buffer.from(camt053({ iban: "DE93370501981234567890", credits, messageId: "BENCH-CAMT053" }))
  const parseStarted = process.hrtime.bigint()
  new XMLParser({ ignoreAttributes: false, removeNSPrefix: true, parseTagValue: false }).parse(bytes.toString("utf8"))
  const xmlParserSeconds = seconds(parseStarted)
  const readStarted = process.hrtime.bigint()
  readStatementFile(bytes)
  const readSeconds = seconds(readStarted)
  const importStarted = process.hrtime.bigint()
  const [result] = await importStatementFiles(container, {
    files: [{ name: "bench.xml", bytes }],
    trigger: "cli",
    add_unknown_accounts: true,
  })
  const importSeconds = seconds(importStarted)
  if (result.error || result.counts!.imported !== count) {
    throw new Error(`statement file bench: ${result.error ?? JSON.stringify(result.counts)}`)
  }
  const againStarted = process.hrtime.bigint()
  const [again] = await importStatementFiles(container, { files: [{ name: "bench.xml", bytes }], trigger: "cli" })
  return {
    file_mb: bytes.length / 2 ** 20,
    entries: count,
    xml_parser_seconds: xmlParserSeconds,
    read_seconds: readSeconds,
    import_seconds: importSeconds,
    per_second: count / importSeconds,
    again_seconds: seconds(againStarted),
    again_imported: again.counts?.imported ?? -1,
  }
}
