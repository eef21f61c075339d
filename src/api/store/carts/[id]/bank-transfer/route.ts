import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { buildBankTransferInstructions } from "../../../../../lib/bank-transfer/instructions"
import {
  PaymentSessionRow,
  pickBankTransferSession,
  readBankTransferSessionData,
} from "../../../../../lib/bank-transfer/session-data"
import { BANK_TRANSFER_SESSION_FIELDS } from "../../../query-config"

/** How to pay this cart by bank transfer: account, amount, RF reference and EPC QR payload. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [cart],
  } = await query.graph({
    entity: "cart",
    fields: ["id", ...BANK_TRANSFER_SESSION_FIELDS.map((field) => `payment_collection.payment_sessions.${field}`)],
    filters: { id: req.params.id },
  })
  if (!cart) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart with id: ${req.params.id} was not found`)
  }
  const session = pickBankTransferSession<PaymentSessionRow>(cart.payment_collection?.payment_sessions ?? [])
  const data = session ? readBankTransferSessionData(session.data) : null
  if (!session || !data) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Cart ${cart.id} has no bank-transfer payment session; create one with POST /store/payment-collections/:id/payment-sessions and a pp_bank-transfer_… provider_id`
    )
  }
  res.json({
    bank_transfer: await buildBankTransferInstructions({
      session,
      data,
      amount: session.raw_amount ?? session.amount,
      currency_code: session.currency_code,
    }),
  })
}
