import { create, toDataURL } from "qrcode"
import { EPC_QR_MAX_VERSION, EPC_QR_QUIET_ZONE } from "./epc-qr-svg"

/** Pixels per module: a 33-module code of version 4 becomes a 328 px square, sharp when printed. */
const SCALE = 8

/**
 * The same GiroCode as `renderEpcQrSvg`, as a PNG data URL (for e-mails, where SVG is not shown).
 * Null when the payload does not fit the version EPC069-12 allows.
 */
export async function renderEpcQrPngDataUrl(payload: string): Promise<string | null> {
  if (create(payload, { errorCorrectionLevel: "M" }).version > EPC_QR_MAX_VERSION) {
    return null
  }
  return await toDataURL(payload, { errorCorrectionLevel: "M", margin: EPC_QR_QUIET_ZONE, scale: SCALE, type: "image/png" })
}
