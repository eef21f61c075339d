import jsQR from "jsqr"
import { PNG } from "pngjs"
import { buildEpcQrPayload } from "../epc-qr-payload"
import { renderEpcQrSvg } from "../epc-qr-svg"
import { formatIban, isValidBic, isValidIban } from "../iban"
import { buildBankTransferInstructions, type BankTransferInstructions } from "../instructions"
import { BankTransferSessionData } from "../session-data"

const DATA: BankTransferSessionData = {
  session_id: "payses_1",
  payment_reference: "RF451234512345",
  payment_reference_formatted: "RF45 1234 5123 45",
  iban: "DE89370400440532013000",
  bic: "COBADEFFXXX",
  account_holder: "Kaffeerösterei GmbH",
  amount: "119.5",
  currency_code: "eur",
  received: false,
  received_at: null,
}

describe("bank-transfer instructions and the EPC QR payload", () => {
  // one EUR instruction for the tests that read it: its PNG takes about a second under jest
  // (pngjs's filter search runs far slower in jest's VM context than in plain Node)
  let instructions: BankTransferInstructions
  beforeAll(async () => {
    instructions = await buildBankTransferInstructions({
      session: { id: "payses_1", provider_id: "pp_bank-transfer_bank-transfer" },
      data: DATA,
      amount: "119.5",
      currency_code: "EUR",
    })
  })

  it("checks IBANs by mod 97 and BICs by shape, ignoring spaces and case", () => {
    expect(isValidIban("DE89 3704 0044 0532 0130 00")).toBe(true)
    expect(isValidIban("GB82 WEST 1234 5698 7654 32")).toBe(true)
    expect(isValidIban("DE89 3704 0044 0532 0130 01")).toBe(false)
    expect(isValidIban("DE89")).toBe(false)
    expect(isValidBic("COBADEFF")).toBe(true)
    expect(isValidBic("cobadeffxxx")).toBe(true)
    expect(isValidBic("COBADE")).toBe(false)
    expect(formatIban("DE89370400440532013000")).toBe("DE89 3704 0044 0532 0130 00")
  })

  it("writes the EPC069-12 payload line by line, ending with the structured RF reference", () => {
    expect(
      buildEpcQrPayload({ bic: "COBADEFFXXX", name: "Kaffeerösterei GmbH", iban: "DE89370400440532013000", amount: "119.5", reference: "RF451234512345" })
    ).toBe(["BCD", "002", "1", "SCT", "COBADEFFXXX", "Kaffeerösterei GmbH", "DE89370400440532013000", "EUR119.50", "", "RF451234512345"].join("\n"))
  })

  it("leaves the BIC empty when none is configured and the amount empty when the standard does not allow it", () => {
    const lines = (amount: string) =>
      buildEpcQrPayload({ bic: null, name: "A\nB", iban: "DE89370400440532013000", amount, reference: "RF451234512345" }).split("\n")
    expect(lines("10")[4]).toBe("")
    expect(lines("10")[5]).toBe("A B")
    expect(lines("0.001")[7]).toBe("")
    expect(lines("1000000000")[7]).toBe("")
  })

  it("shows amounts with the currency's digits and a QR payload only for EUR with something to pay", async () => {
    expect(instructions).toMatchObject({
      amount: "119.50",
      currency_code: "eur",
      iban_formatted: "DE89 3704 0044 0532 0130 00",
      payment_reference: "RF451234512345",
    })
    expect(instructions.epc_qr_payload).toContain("EUR119.50")
    const paid = await buildBankTransferInstructions({ session: { id: "s", provider_id: "p" }, data: DATA, amount: 0, currency_code: "eur" })
    expect(paid.epc_qr_payload).toBeNull()
    const usd = await buildBankTransferInstructions({ session: { id: "s", provider_id: "p" }, data: DATA, amount: 5, currency_code: "usd" })
    expect(usd.epc_qr_payload).toBeNull()
    expect(paid.epc_qr_svg).toBeNull()
    expect(usd.epc_qr_svg).toBeNull()
    expect(paid.epc_qr_png).toBeNull()
    expect(usd.epc_qr_png).toBeNull()
  })

  it("carries the same GiroCode as a PNG data URL that a QR reader decodes to the exact payload", async () => {
    const png = PNG.sync.read(Buffer.from(instructions.epc_qr_png!.replace(/^data:image\/png;base64,/, ""), "base64"))
    expect(png.width).toBeGreaterThan(200)
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(instructions.epc_qr_payload)
  })

  it("draws the payload as a GiroCode SVG that a QR reader decodes to the exact payload, umlauts included", async () => {
    const svg = instructions.epc_qr_svg!
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 (\d+) \1"/)
    const decoded = readQrSvg(svg)
    expect(decoded).toBe(instructions.epc_qr_payload)
    expect(decoded).toContain("Kaffeerösterei GmbH")
  })

  it("gives no QR code for a payload beyond the 331 bytes of version 13", () => {
    expect(renderEpcQrSvg("x".repeat(331))).not.toBeNull()
    expect(renderEpcQrSvg("x".repeat(400))).toBeNull()
  })
})

/** Rasterizes the SVG's rectangles (4 px per module) and reads it with jsQR, as a phone camera would. */
function readQrSvg(svg: string): string | null {
  const dimension = Number(/viewBox="0 0 (\d+) /.exec(svg)![1])
  const scale = 4
  const width = dimension * scale
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255)
  const d = /<path fill="#000" d="([^"]*)"/.exec(svg)![1]
  for (const [, x, y, w] of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
    for (let py = Number(y) * scale; py < (Number(y) + 1) * scale; py++) {
      for (let px = Number(x) * scale; px < (Number(x) + Number(w)) * scale; px++) {
        pixels.fill(0, (py * width + px) * 4, (py * width + px) * 4 + 3)
      }
    }
  }
  return jsQR(pixels, width, width)?.data ?? null
}
