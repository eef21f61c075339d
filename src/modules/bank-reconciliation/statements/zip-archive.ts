import { inflateRawSync } from "zlib"
import { StatementFileError } from "./types"

export type ZipEntry = { name: string; bytes: Buffer }

const LOCAL_HEADER = 0x04034b50
const CENTRAL_HEADER = 0x02014b50
const END_OF_CENTRAL_DIRECTORY = 0x06054b50

/** Whether the bytes are a ZIP archive (banks deliver CAMT that way: EBICS C53/C54, online banking exports). */
export function isZip(bytes: Buffer): boolean {
  return bytes.length >= 22 && bytes.readUInt32LE(0) === LOCAL_HEADER
}

/**
 * The files of a ZIP archive (stored or deflated), read through its central directory; directories
 * and the metadata an archiver adds (__MACOSX/, .DS_Store) left out. At most maxBytes are unpacked
 * in all, so a small archive cannot unpack to gigabytes.
 */
export function unzip(bytes: Buffer, maxBytes: number): ZipEntry[] {
  const end = findEndOfCentralDirectory(bytes)
  const count = bytes.readUInt16LE(end + 10)
  let offset = bytes.readUInt32LE(end + 16)
  const entries: ZipEntry[] = []
  let total = 0
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== CENTRAL_HEADER) {
      throw new StatementFileError("ZIP", "the archive's directory is damaged", "zip_damaged")
    }
    const flags = bytes.readUInt16LE(offset + 8)
    const method = bytes.readUInt16LE(offset + 10)
    const compressedSize = bytes.readUInt32LE(offset + 20)
    const size = bytes.readUInt32LE(offset + 24)
    const nameLength = bytes.readUInt16LE(offset + 28)
    const extraLength = bytes.readUInt16LE(offset + 30)
    const commentLength = bytes.readUInt16LE(offset + 32)
    const localOffset = bytes.readUInt32LE(offset + 42)
    const name = bytes.subarray(offset + 46, offset + 46 + nameLength).toString(flags & 0x800 ? "utf8" : "latin1")
    offset += 46 + nameLength + extraLength + commentLength
    const base = name.split("/").pop() ?? ""
    if (name.endsWith("/") || name.startsWith("__MACOSX/") || base.startsWith(".") || base === "") {
      continue
    }
    if (flags & 0x1) {
      throw new StatementFileError(`ZIP ${name}`, "the file is encrypted", "zip_encrypted")
    }
    if (localOffset + 30 > bytes.length || bytes.readUInt32LE(localOffset) !== LOCAL_HEADER) {
      throw new StatementFileError(`ZIP ${name}`, "the archive is damaged", "zip_damaged")
    }
    const dataStart = localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28)
    const data = bytes.subarray(dataStart, dataStart + compressedSize)
    if (data.length !== compressedSize) {
      throw new StatementFileError(`ZIP ${name}`, "the archive is cut off", "zip_cut_off")
    }
    total += size
    if (total > maxBytes) {
      throw new StatementFileError("ZIP", `the archive unpacks to more than ${maxBytes / 1024 / 1024} MB`, "zip_too_large", { mb: maxBytes / 1024 / 1024 })
    }
    entries.push({ name, bytes: inflate(data, method, size, name) })
  }
  return entries
}

function inflate(data: Buffer, method: number, size: number, name: string): Buffer {
  if (method === 0) {
    return data
  }
  if (method !== 8) {
    throw new StatementFileError(`ZIP ${name}`, `compression method ${method} is not supported (only stored and deflated)`, "zip_unsupported_method", { method })
  }
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(size, 1) })
  } catch (error) {
    throw new StatementFileError(`ZIP ${name}`, `the file cannot be unpacked (${(error as Error).message})`, "zip_damaged")
  }
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  // the record is 22 bytes plus a comment of up to 65 535
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (bytes.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) {
      return i
    }
  }
  throw new StatementFileError("ZIP", "the archive is cut off (no central directory)", "zip_cut_off")
}
