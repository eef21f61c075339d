import { isUtf8 } from "buffer"
import { readCamt } from "./camt-reader"
import { readMt940 } from "./mt940-reader"
import { StatementFile, StatementFileError, statementWarning } from "./types"
import { isZip, unzip } from "./zip-archive"

/** Upload and CLI refuse larger files; a 100 000-entry camt.053 is about 60 MB. */
export const MAX_STATEMENT_FILE_BYTES = 100 * 1024 * 1024

/**
 * Reads a statement file of any supported format, told apart by its content (not its name): XML is
 * CAMT; a file with an MT940 field (:20:) near its start, after a SWIFT block header or a bank's own
 * header lines, is MT940. Text is decoded by its byte order mark (UTF-8, UTF-16), else CAMT by its XML
 * declaration (UTF-8 when it declares none) and MT940 as UTF-8 when it is valid UTF-8, else as
 * Windows-1252 (the superset of ISO-8859-1 that German banks' exports use).
 */
export function readStatementFile(bytes: Buffer): StatementFile {
  if (bytes.length > MAX_STATEMENT_FILE_BYTES) {
    throw new StatementFileError("", `the file is larger than ${MAX_STATEMENT_FILE_BYTES / 1024 / 1024} MB`, "file_too_large", { mb: MAX_STATEMENT_FILE_BYTES / 1024 / 1024 })
  }
  if (isZip(bytes)) {
    return readArchive(bytes)
  }
  return readOne(bytes)
}

/**
 * A ZIP archive of statement files (banks deliver camt.053/054 so, one file per day or account): its
 * files read as one, each place named by the file it is in.
 */
function readArchive(bytes: Buffer): StatementFile {
  const entries = unzip(bytes, MAX_STATEMENT_FILE_BYTES)
  if (!entries.length) {
    throw new StatementFileError("ZIP", "the archive holds no file", "zip_empty")
  }
  const files = entries.map(({ name, bytes: content }) => {
    try {
      return { name, file: readOne(content) }
    } catch (error) {
      if (error instanceof StatementFileError) {
        throw new StatementFileError(error.place ? `${name}, ${error.place}` : name, error.reason, error.code, error.params)
      }
      throw error
    }
  })
  return {
    format: files[0].file.format,
    statements: files.flatMap(({ name, file }) =>
      file.statements.map((s) => ({ ...s, place: `${name}, ${s.place}`, entries: s.entries.map((e) => ({ ...e, place: `${name}, ${e.place}` })) }))
    ),
    warnings: files.flatMap(({ name, file }) => file.warnings.map((w) => ({ ...w, place: w.place ? `${name}, ${w.place}` : name, message: `${name}, ${w.message}` }))),
  }
}

function readOne(bytes: Buffer): StatementFile {
  const bom = byteOrderMark(bytes)
  const head = (bom ? decode(bytes.subarray(0, 4096), bom) : bytes.subarray(0, 4096).toString("latin1")).replace(/^\uFEFF/, "")
  const start = head.trimStart()
  if (start.startsWith("<")) {
    const declared = /^<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(start)?.[1]
    if (bom || (declared && !/^utf-?8$/i.test(declared)) || isUtf8(bytes)) {
      return readCamt(bom ? decode(bytes, bom) : declared && !/^utf-?8$/i.test(declared) ? decode(bytes, declared) : bytes.toString("utf8").replace(/^\uFEFF/, ""))
    }
    // UTF-8 declared (or nothing, which means UTF-8) but not UTF-8: exports that write Windows-1252 anyway
    const file = readCamt(decode(bytes, "windows-1252"))
    return { ...file, warnings: [statementWarning("", "the file is not UTF-8 as its XML declaration says; read as Windows-1252", "not_utf8"), ...file.warnings] }
  }
  // some banks put header lines before the first field ("ABNANL2A", "940", ":940:", "0000 01INGB…")
  if (/^(:20:|\{1:|:\d{2}[A-Z]?:)/.test(start) || /(^|[\r\n]):20:/.test(head.slice(0, 1024))) {
    return readMt940(bom ? decode(bytes, bom) : isUtf8(bytes) ? bytes.toString("utf8") : decode(bytes, "windows-1252"))
  }
  throw new StatementFileError("line 1", "neither CAMT (XML) nor MT940", "unknown_format")
}

function byteOrderMark(bytes: Buffer): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8"
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le"
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be"
  return null
}

// Windows-1252's characters at 0x80–0x9F (€, „, “, ”, –, …); Node decodes "windows-1252" as ISO-8859-1
const CP1252 = "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178"

function decode(bytes: Buffer, encoding: string): string {
  if (/^(windows-1252|cp1252|iso-8859-1|iso8859-1|latin-?1|l1|us-ascii|ascii)$/i.test(encoding)) {
    return bytes.toString("latin1").replace(/[\u0080-\u009f]/g, (c) => CP1252[c.charCodeAt(0) - 0x80])
  }
  let decoder: TextDecoder
  try {
    // WHATWG labels: "ISO-8859-1" and "latin1" decode as Windows-1252, which is what the banks mean
    decoder = new TextDecoder(encoding.toLowerCase() === "utf-16" ? "utf-16le" : encoding)
  } catch {
    throw new StatementFileError("line 1", `the encoding "${encoding}" the file declares is not supported`, "unsupported_encoding", { encoding })
  }
  return decoder.decode(bytes).replace(/^\uFEFF/, "")
}

