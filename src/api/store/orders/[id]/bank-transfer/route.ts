import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { BigNumberInput } from "@medusajs/framework/types"
import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { getOrderDetailWorkflow } from "@medusajs/medusa/core-flows"
import { toDecimalString } from "../../../../../providers/bank-transfer/decimal-amount"
import { buildBankTransferInstructions } from "../../../../../providers/bank-transfer/instructions"
import { paymentReferenceForOrder } from "../../../../../providers/bank-transfer/order-payment-reference"
import {
  PaymentSessionRow,
  pickBankTransferSession,
  readBankTransferSessionData,
} from "../../../../../providers/bank-transfer/session-data"
import { formatPaymentReference } from "../../../../../modules/bank-reconciliation/payment-reference"
import { BANK_TRANSFER_SESSION_FIELDS } from "../../../query-config"

const ORDER_FIELDS = [
  "id",
  "display_id",
  "currency_code",
  "total",
  "metadata",
  "summary.*",
  ...BANK_TRANSFER_SESSION_FIELDS.map((field) => `payment_collections.payment_sessions.${field}`),
]

/** How to pay the customer's own order by bank transfer (what is still owed) and how far it is paid. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  // An order of another customer is "not found", exactly like one that does not exist.
  const { result: order } = await getOrderDetailWorkflow(req.scope).run({
    input: {
      order_id: req.params.id,
      fields: ORDER_FIELDS,
      filters: { customer_id: req.auth_context.actor_id, is_draft_order: false },
    },
  })
  const sessions = (order.payment_collections ?? []).flatMap((collection) => collection?.payment_sessions ?? [])
  const session = pickBankTransferSession(sessions as unknown as PaymentSessionRow[])
  const data = session ? readBankTransferSessionData(session.data) : null
  if (!session || !data) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${order.id} is not paid by bank transfer`)
  }
  const { reference } = paymentReferenceForOrder(order as Parameters<typeof paymentReferenceForOrder>[0])
  const currency = order.currency_code
  const summary = (order.summary ?? {}) as Record<string, BigNumberInput | null | undefined>
  const total = (key: string) => summary[`raw_${key}`] ?? summary[key] ?? 0
  const outstanding = MathBN.max(total("pending_difference"), 0)
  res.json({
    bank_transfer: buildBankTransferInstructions({
      session,
      data: { ...data, payment_reference: reference, payment_reference_formatted: formatPaymentReference(reference) },
      amount: outstanding,
      currency_code: currency,
    }),
    payment: {
      order_id: order.id,
      display_id: order.display_id,
      payment_status: order.payment_status,
      currency_code: currency,
      total: toDecimalString(order.total, currency),
      paid_amount: toDecimalString(MathBN.sub(total("paid_total"), total("refunded_total")), currency),
      outstanding_amount: toDecimalString(outstanding, currency),
    },
  })
}
