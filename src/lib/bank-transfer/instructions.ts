import { amountString, decimal, type MoneyInput } from "../money"
import { buildEpcQrPayload } from "./epc-qr-payload"
import { renderEpcQrPngDataUrl } from "./epc-qr-png"
import { renderEpcQrSvg } from "./epc-qr-svg"
import { formatIban } from "./iban"
import { BankTransferSessionData } from "./session-data"

/** What a storefront shows a customer who pays by bank transfer. Amounts are decimal strings. */
export type BankTransferInstructions = {
  payment_session_id: string
  provider_id: string
  account_holder: string
  iban: string
  iban_formatted: string
  bic: string | null
  amount: string
  currency_code: string
  payment_reference: string
  payment_reference_formatted: string
  /** EPC069-12 payload for a GiroCode; null unless the currency is EUR and something is left to pay. */
  epc_qr_payload: string | null
  /** That payload as a scannable GiroCode: a self-contained SVG document (error correction M); null with the payload. */
  epc_qr_svg: string | null
  /** The same code as a PNG data URL ("data:image/png;base64,…"), for e-mails; null with the payload. */
  epc_qr_png: string | null
}

/** Builds the instructions for paying `amount` (what is owed now) to the account in the session data. */
export async function buildBankTransferInstructions(input: {
  session: { id: string; provider_id: string }
  data: BankTransferSessionData
  amount: MoneyInput
  currency_code: string
}): Promise<BankTransferInstructions> {
  const { session, data } = input
  const amount = amountString(input.amount, input.currency_code)
  const payable = input.currency_code.toLowerCase() === "eur" && decimal(amount).gt(0)
  const epcQrPayload = payable
    ? buildEpcQrPayload({
        bic: data.bic,
        name: data.account_holder,
        iban: data.iban,
        amount,
        reference: data.payment_reference,
      })
    : null
  return {
    payment_session_id: session.id,
    provider_id: session.provider_id,
    account_holder: data.account_holder,
    iban: data.iban,
    iban_formatted: formatIban(data.iban),
    bic: data.bic,
    amount,
    currency_code: input.currency_code.toLowerCase(),
    payment_reference: data.payment_reference,
    payment_reference_formatted: data.payment_reference_formatted,
    epc_qr_payload: epcQrPayload,
    epc_qr_svg: epcQrPayload === null ? null : renderEpcQrSvg(epcQrPayload),
    epc_qr_png: epcQrPayload === null ? null : await renderEpcQrPngDataUrl(epcQrPayload),
  }
}
