import {
  compactPaymentReference,
  derivePaymentReference,
  isValidPaymentReference,
} from "./payment-reference"
import { pickBankTransferSession, readBankTransferSessionData } from "./session-data"

/** Where an order's payment reference is kept, for matching and for the customer. */
export const ORDER_PAYMENT_REFERENCE_KEY = "payment_reference"

type SessionLike = { id: string; provider_id: string; status?: string | null; data?: unknown }

/** The parts of an order the reference is chosen from (a query.graph result fits). */
export type OrderForPaymentReference = {
  id: string
  metadata?: Record<string, unknown> | null
  payment_collections?: ({ payment_sessions?: (SessionLike | null)[] | null } | null)[] | null
}

/**
 * The order's payment reference: the one already stored on the order, else the one the customer was
 * shown at checkout (bank-transfer session), else one derived from the order id. Same order, same answer.
 */
export function paymentReferenceForOrder(order: OrderForPaymentReference): { reference: string; stored: boolean } {
  const stored = order.metadata?.[ORDER_PAYMENT_REFERENCE_KEY]
  if (typeof stored === "string" && isValidPaymentReference(stored)) {
    return { reference: compactPaymentReference(stored), stored: true }
  }
  const sessions = (order.payment_collections ?? []).flatMap((collection) => collection?.payment_sessions ?? [])
  const session = pickBankTransferSession(sessions)
  const fromCheckout = session ? readBankTransferSessionData(session.data)?.payment_reference : undefined
  return { reference: fromCheckout ?? derivePaymentReference(order.id), stored: false }
}
