import { isUtf8 } from "buffer"
import { readCamt } from "./camt-reader"
import { readMt940 } from "./mt940-reader"
import { StatementFile, StatementFileError } from "./types"

/** Upload and CLI refuse larger files; a 100 000-entry camt.053 is about 60 MB. */
export const MAX_STATEMENT_FILE_BYTES = 100 * 1024 * 1024

/**
 * Reads a statement file of any supported format, told apart by its content (not its name): XML is
 * CAMT, a file starting with an MT940 field (or a SWIFT block header) is MT940. CAMT is UTF-8 unless
 * its declaration says ISO-8859-1; German MT940 exports are ISO-8859-1 unless they are valid UTF-8.
 */
export function readStatementFile(bytes: Buffer): StatementFile {
  if (bytes.length > MAX_STATEMENT_FILE_BYTES) {
    throw new StatementFileError("", `the file is larger than ${MAX_STATEMENT_FILE_BYTES / 1024 / 1024} MB`)
  }
  const head = bytes.subarray(0, 200).toString("latin1").replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, "").trimStart()
  if (head.startsWith("<")) {
    const latin1 = /^<\?xml[^>]*encoding=["'](ISO-8859-1|latin1|windows-1252)["']/i.test(head)
    return readCamt(latin1 ? bytes.toString("latin1") : utf8(bytes))
  }
  if (/^(:20:|\{1:|:\d{2}[A-Z]?:)/.test(head) || /^\r?\n?-?\r?\n?:20:/.test(head)) {
    return readMt940(isUtf8(bytes) ? bytes.toString("utf8") : bytes.toString("latin1"))
  }
  throw new StatementFileError("line 1", "neither CAMT (XML) nor MT940")
}

function utf8(bytes: Buffer): string {
  if (!isUtf8(bytes)) {
    throw new StatementFileError("", "the XML file is not valid UTF-8 and declares no other encoding")
  }
  return bytes.toString("utf8")
}
