import type { OrderDetailDTO } from "@medusajs/framework/types"
import { amountString, decimal, maxOf, type MoneyInput } from "../money"
import { formatPaymentReference } from "./payment-reference"
import { BankTransferInstructions, buildBankTransferInstructions } from "./instructions"
import { paymentReferenceForOrder } from "./order-payment-reference"
import { pickBankTransferSession, readBankTransferSessionData } from "./session-data"

/** How far an order is paid, as decimal strings. */
export type OrderPaymentState = {
  order_id: string
  display_id: number
  payment_status: string
  currency_code: string
  total: string
  paid_amount: string
  outstanding_amount: string
}

/**
 * Instructions for paying what the order still owes (to the account of its bank-transfer session,
 * with the order's reference) and its payment state; null when it was not paid by bank transfer.
 * Needs the order from getOrderDetailWorkflow with summary.* and its payment sessions.
 */
export async function describeOrderBankTransfer(
  order: OrderDetailDTO & { payment_status: string }
): Promise<{ bank_transfer: BankTransferInstructions; payment: OrderPaymentState } | null> {
  const sessions = (order.payment_collections ?? []).flatMap((collection) => collection?.payment_sessions ?? [])
  const session = pickBankTransferSession(sessions)
  const data = session ? readBankTransferSessionData(session.data) : null
  if (!session || !data) {
    return null
  }
  const { reference } = paymentReferenceForOrder(order)
  const currency = order.currency_code
  const summary = (order.summary ?? {}) as Record<string, MoneyInput>
  const amount = (key: string) => summary[`raw_${key}`] ?? summary[key] ?? 0
  const outstanding = maxOf(amount("pending_difference"), 0)
  return {
    bank_transfer: await buildBankTransferInstructions({
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
      total: amountString(order.total as MoneyInput, currency),
      paid_amount: amountString(decimal(amount("paid_total")).minus(decimal(amount("refunded_total"))), currency),
      outstanding_amount: amountString(outstanding, currency),
    },
  }
}
