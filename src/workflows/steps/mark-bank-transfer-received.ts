import type { BigNumberRawValue } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const markBankTransferReceivedStepId = "mark-bank-transfer-received"

type Input = { payment_session_id: string; received_at?: string }

/**
 * Sets `received: true` (and `received_at`) in a bank-transfer session's data, so that authorizing
 * it succeeds; compensation puts the previous data back.
 */
export const markBankTransferReceivedStep = createStep(
  markBankTransferReceivedStepId,
  async (input: Input, { container }) => {
    const paymentModule = container.resolve(Modules.PAYMENT)
    const session = await paymentModule.retrievePaymentSession(input.payment_session_id, {
      select: ["id", "amount", "raw_amount", "currency_code", "data"],
    })
    // raw_amount keeps the exact decimal; amount alone may have been turned into a JS number
    const amount = (session as typeof session & { raw_amount?: BigNumberRawValue }).raw_amount ?? session.amount
    const previous = { id: session.id, amount, currency_code: session.currency_code, data: session.data }
    const updated = await paymentModule.updatePaymentSession({
      ...previous,
      data: { ...session.data, received: true, received_at: input.received_at ?? new Date().toISOString() },
    })
    return new StepResponse(updated, previous)
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    await container.resolve(Modules.PAYMENT).updatePaymentSession(previous)
  }
)
