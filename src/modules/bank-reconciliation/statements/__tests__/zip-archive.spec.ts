import { crc32, deflateRawSync } from "zlib"
import { readStatementFile } from "../read-statement-file"
import { StatementFileError } from "../types"
import { unzip } from "../zip-archive"

/** A ZIP archive as archivers write it: local headers, data (deflated unless told), central directory. */
function zip(files: { name: string; content: string | Buffer; store?: boolean }[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const { name, content, store } of files) {
    const raw = Buffer.isBuffer(content) ? content : Buffer.from(content, "utf8")
    const data = store ? raw : deflateRawSync(raw)
    const nameBytes = Buffer.from(name, "utf8")
    const header = (signature: number, size: number) => {
      const b = Buffer.alloc(size)
      b.writeUInt32LE(signature, 0)
      return b
    }
    const local = header(0x04034b50, 30)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x800, 6)
    local.writeUInt16LE(store ? 0 : 8, 8)
    local.writeUInt32LE(crc32(raw), 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(raw.length, 22)
    local.writeUInt16LE(nameBytes.length, 26)
    const central = header(0x02014b50, 46)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x800, 8)
    central.writeUInt16LE(store ? 0 : 8, 10)
    central.writeUInt32LE(crc32(raw), 16)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(raw.length, 24)
    central.writeUInt16LE(nameBytes.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, nameBytes, data)
    centrals.push(central, nameBytes)
    offset += 30 + nameBytes.length + data.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(files.length, 8)
  end.writeUInt16LE(files.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

const mt940 = (day: string, amount: string) =>
  [`:20:STARTUMSE`, `:25:DE89370400440532013000`, `:60F:C2611${day}EUR0,00`, `:61:2611${day}11${day}CR${amount}N166NONREF`, `:86:166?20SVWZ+Bestellung ${day}?32Anna Beispiel`, `:62F:C2611${day}EUR${amount}`, "-", ""].join("\r\n")
const camt = `<?xml version="1.0" encoding="UTF-8"?><Document xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><GrpHdr><MsgId>M</MsgId><CreDtTm>2026-11-30T20:00:00</CreDtTm></GrpHdr><Stmt><Id>S</Id><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct><Ntry><Amt Ccy="EUR">7.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-11-30</Dt></BookgDt></Ntry></Stmt></BkToCstmrStmt></Document>`

describe("statement files in a ZIP archive", () => {
  it("reads every statement file of the archive as one, naming each place by its file; leaves out directories and archiver metadata", () => {
    const file = readStatementFile(
      zip([
        { name: "2026-11/", content: "" },
        { name: "2026-11/umsaetze-28.sta", content: mt940("28", "10,00") },
        { name: "2026-11/umsaetze-29.sta", content: mt940("29", "20,00"), store: true },
        { name: "camt053-30.xml", content: camt },
        { name: "__MACOSX/2026-11/._umsaetze-28.sta", content: "\u0000\u0005\u0016\u0007" },
        { name: ".DS_Store", content: "junk" },
      ])
    )
    expect(file.format).toBe("mt940")
    expect(file.statements.map((s) => s.place)).toEqual(["2026-11/umsaetze-28.sta, statement 1 (line 1)", "2026-11/umsaetze-29.sta, statement 1 (line 1)", "camt053-30.xml, Stmt 1"])
    expect(file.statements.flatMap((s) => s.entries.map((e) => [e.amount, e.booking_date, e.remittance_text, e.place]))).toEqual([
      ["10.00", "2026-11-28", "Bestellung 28", "2026-11/umsaetze-28.sta, line 4"],
      ["20.00", "2026-11-29", "Bestellung 29", "2026-11/umsaetze-29.sta, line 4"],
      ["7.00", "2026-11-30", null, "camt053-30.xml, Stmt 1, Ntry 1"],
    ])
  })

  it("names the file of the archive that cannot be read, and refuses a cut-off or empty archive", () => {
    const error = (bytes: Buffer) => {
      try {
        readStatementFile(bytes)
      } catch (e) {
        expect(e).toBeInstanceOf(StatementFileError)
        return (e as StatementFileError).message
      }
      throw new Error("read")
    }
    expect(error(zip([{ name: "a.sta", content: mt940("28", "1,00") }, { name: "b.csv", content: "Buchungstag;Betrag\n" }]))).toBe("b.csv, line 1: neither CAMT (XML) nor MT940")
    const whole = zip([{ name: "a.sta", content: mt940("28", "1,00") }])
    expect(error(whole.subarray(0, whole.length - 30))).toBe("ZIP: the archive is cut off (no central directory)")
    expect(error(zip([{ name: "leer/", content: "" }]))).toBe("ZIP: the archive holds no file")
    // the inner file's code and params stay (the admin translates them), the place names the file
    expect(() => readStatementFile(zip([{ name: "b.csv", content: "Buchungstag;Betrag\n" }]))).toThrow(
      expect.objectContaining({ code: "unknown_format", place: "b.csv, line 1" })
    )
  })

  it("does not unpack more than the limit", () => {
    const big = zip([{ name: "a.sta", content: Buffer.alloc(2_000_000, 0x20) }])
    expect(big.length).toBeLessThan(10_000)
    expect(() => unzip(big, 1024 * 1024)).toThrow("ZIP: the archive unpacks to more than 1 MB")
  })
})
