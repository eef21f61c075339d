import { create } from "qrcode"
import { crc32, deflateSync } from "zlib"
import { EPC_QR_MAX_VERSION, EPC_QR_QUIET_ZONE } from "./epc-qr-svg"

/** Pixels per module: a 33-module code of version 4 becomes a 328 px square, sharp when printed. */
const SCALE = 8

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/**
 * The same GiroCode as `renderEpcQrSvg`, as a PNG data URL (for e-mails, where SVG is not shown).
 * Null when the payload does not fit the version EPC069-12 allows.
 *
 * Written here rather than with qrcode's PNG renderer: with 1 bit per pixel and 8 pixels per module,
 * each module is one byte of the image, so a row of modules is built once and copied 8 times. qrcode's
 * renderer (pngjs) draws RGBA pixel by pixel and tries five filters per row: 40–100 ms in Node, and
 * seconds in jest's VM context.
 */
export async function renderEpcQrPngDataUrl(payload: string): Promise<string | null> {
  const qr = create(payload, { errorCorrectionLevel: "M" })
  if (qr.version > EPC_QR_MAX_VERSION) {
    return null
  }
  const size = qr.modules.size
  const modules = size + 2 * EPC_QR_QUIET_ZONE
  const pixels = modules * SCALE
  // a scanline: filter type 0, then one byte per module (8 pixels of 1 bit: 0x00 dark, 0xff light)
  const lineLength = 1 + modules
  const image = Buffer.alloc(lineLength * pixels)
  for (let row = 0; row < modules; row++) {
    const line = Buffer.alloc(lineLength, 0xff)
    line[0] = 0
    const y = row - EPC_QR_QUIET_ZONE
    if (y >= 0 && y < size) {
      for (let x = 0; x < size; x++) {
        if (qr.modules.get(y, x)) {
          line[1 + EPC_QR_QUIET_ZONE + x] = 0
        }
      }
    }
    for (let copy = 0; copy < SCALE; copy++) {
      line.copy(image, (row * SCALE + copy) * lineLength)
    }
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(pixels, 0)
  header.writeUInt32BE(pixels, 4)
  // bit depth 1, grayscale, deflate, adaptive filtering (each line says 0), no interlace
  header.set([1, 0, 0, 0, 0], 8)
  const png = Buffer.concat([PNG_SIGNATURE, chunk("IHDR", header), chunk("IDAT", deflateSync(image, { level: 9 })), chunk("IEND", Buffer.alloc(0))])
  return `data:image/png;base64,${png.toString("base64")}`
}

function chunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data])
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length, 0)
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(typeAndData), 0)
  return Buffer.concat([length, typeAndData, crc])
}
