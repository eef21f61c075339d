import { create } from "qrcode"

/** EPC069-12: error correction level M, at most QR version 13 (331 bytes of payload). */
export const EPC_QR_MAX_VERSION = 13
/** The quiet zone the QR standard asks for around the code, in modules. */
export const EPC_QR_QUIET_ZONE = 4

/**
 * The GiroCode / EPC QR code of `payload` as a self-contained SVG (black modules on white, four
 * modules of quiet zone, scalable: size it with CSS). Null when the payload does not fit the
 * version the standard allows; the customer then types the transfer from the instructions.
 */
export function renderEpcQrSvg(payload: string): string | null {
  const qr = create(payload, { errorCorrectionLevel: "M" })
  if (qr.version > EPC_QR_MAX_VERSION) {
    return null
  }
  const size = qr.modules.size
  const dimension = size + 2 * EPC_QR_QUIET_ZONE
  // one horizontal run of dark modules per path segment: a few hundred segments, not one rect per module
  const runs: string[] = []
  for (let row = 0; row < size; row++) {
    let col = 0
    while (col < size) {
      if (!qr.modules.get(row, col)) {
        col++
        continue
      }
      const start = col
      while (col < size && qr.modules.get(row, col)) {
        col++
      }
      runs.push(`M${start + EPC_QR_QUIET_ZONE} ${row + EPC_QR_QUIET_ZONE}h${col - start}v1h-${col - start}z`)
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${dimension} ${dimension}" shape-rendering="crispEdges" role="img" aria-label="GiroCode">` +
    `<rect width="${dimension}" height="${dimension}" fill="#fff"/>` +
    `<path fill="#000" d="${runs.join("")}"/>` +
    `</svg>`
  )
}
