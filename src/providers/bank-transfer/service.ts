import { AbstractPaymentProvider, MathBN, MedusaError, PaymentSessionStatus } from "@medusajs/framework/utils"
import type {
  AuthorizePaymentInput,
  AuthorizePaymentOutput,
  BigNumberInput,
  CancelPaymentInput,
  CancelPaymentOutput,
  CapturePaymentInput,
  CapturePaymentOutput,
  DeletePaymentInput,
  DeletePaymentOutput,
  GetPaymentStatusInput,
  GetPaymentStatusOutput,
  InitiatePaymentInput,
  InitiatePaymentOutput,
  ProviderWebhookPayload,
  RefundPaymentInput,
  RefundPaymentOutput,
  RetrievePaymentInput,
  RetrievePaymentOutput,
  UpdatePaymentInput,
  UpdatePaymentOutput,
  WebhookActionResult,
} from "@medusajs/framework/types"
import {
  compactPaymentReference,
  derivePaymentReference,
  formatPaymentReference,
  isValidPaymentReference,
} from "../../lib/bank-transfer/payment-reference"
import { BankTransferOptions, parseBankTransferOptions } from "./options"
import { BankTransferSessionData } from "../../lib/bank-transfer/session-data"

/**
 * "Bank transfer / prepayment": the order is placed with the session in pending_authorization and
 * waits for the money; booking marks the session data `received` and authorizes it (README.md).
 */
class BankTransferProviderService extends AbstractPaymentProvider<BankTransferOptions> {
  static identifier = "bank-transfer"

  /** Called by Medusa when the app starts: throws a MedusaError naming each bad option. */
  static validateOptions(options: Record<string, unknown>): void {
    parseBankTransferOptions(options)
  }

  constructor(cradle: Record<string, unknown>, options: Record<string, unknown>) {
    super(cradle, parseBankTransferOptions(options))
  }

  /** Opens the session: reference derived from the session id, the shop's account, the amount as a string. */
  async initiatePayment({ amount, currency_code, data, context }: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    const sessionId = (data?.session_id as string | undefined) ?? context?.idempotency_key
    if (!sessionId) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "A bank-transfer payment session needs its session id; create it through the payment module (createPaymentSession)."
      )
    }
    const sessionData = this.sessionData(sessionId, amount, currency_code, {})
    return { id: sessionData.payment_reference, data: sessionData }
  }

  /** Keeps reference and account; takes the new amount and the `received` flag from the data passed in. */
  async updatePayment({ amount, currency_code, data }: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    const sessionId = data?.session_id as string | undefined
    if (!sessionId) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "Updating a bank-transfer session needs its current data: pass { ...session.data, received: true }."
      )
    }
    return { data: this.sessionData(sessionId, amount, currency_code, data ?? {}) }
  }

  /** pending_authorization until the data says the money was received, then authorized. */
  async authorizePayment({ data }: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    const status = data?.received === true ? PaymentSessionStatus.AUTHORIZED : PaymentSessionStatus.PENDING_AUTHORIZATION
    return { status, data: data ?? {} }
  }

  /** The same answer as authorizePayment: the money is either on the account or not yet. */
  async getPaymentStatus({ data }: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    const status = data?.received === true ? PaymentSessionStatus.AUTHORIZED : PaymentSessionStatus.PENDING_AUTHORIZATION
    return { status, data: data ?? {} }
  }

  /** Capturing records money that already arrived by transfer; nothing to ask a gateway. */
  async capturePayment({ data }: CapturePaymentInput): Promise<CapturePaymentOutput> {
    return { data: data ?? {} }
  }

  /** The refund itself is a transfer the shop makes from its bank; Medusa records it. */
  async refundPayment({ data }: RefundPaymentInput): Promise<RefundPaymentOutput> {
    return { data: data ?? {} }
  }

  /** Nothing is held anywhere, so cancelling only ends the session. */
  async cancelPayment({ data }: CancelPaymentInput): Promise<CancelPaymentOutput> {
    return { data: data ?? {} }
  }

  /** Nothing to delete outside Medusa. */
  async deletePayment({ data }: DeletePaymentInput): Promise<DeletePaymentOutput> {
    return { data: data ?? {} }
  }

  /** The session data is the whole state. */
  async retrievePayment({ data }: RetrievePaymentInput): Promise<RetrievePaymentOutput> {
    return { data: data ?? {} }
  }

  /** Banks send no webhooks; money is found by importing statements and matching. */
  async getWebhookActionAndData(_payload: ProviderWebhookPayload["payload"]): Promise<WebhookActionResult> {
    return { action: "not_supported" }
  }

  private sessionData(
    sessionId: string,
    amount: BigNumberInput,
    currencyCode: string,
    previous: Record<string, unknown>
  ): BankTransferSessionData {
    // Once shown to the customer the reference must not change, even if the prefix option does.
    const reference =
      typeof previous.payment_reference === "string" && isValidPaymentReference(previous.payment_reference)
        ? compactPaymentReference(previous.payment_reference)
        : derivePaymentReference(sessionId, this.config.referencePrefix)
    return {
      session_id: sessionId,
      payment_reference: reference,
      payment_reference_formatted: formatPaymentReference(reference),
      iban: this.config.iban,
      bic: this.config.bic ?? null,
      account_holder: this.config.accountHolder,
      amount: MathBN.convert(amount).toFixed(),
      currency_code: currencyCode.toLowerCase(),
      received: previous.received === true,
      received_at: typeof previous.received_at === "string" ? previous.received_at : null,
    }
  }
}

export default BankTransferProviderService
