import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { isBankTransferProvider } from "../../lib/bank-transfer/session-data"

export const validateBankTransferSessionStepId = "validate-bank-transfer-session"

/** Refuses sessions of other providers and sessions that can no longer take money. */
export const validateBankTransferSessionStep = createStep(
  validateBankTransferSessionStepId,
  async (session: { id: string; provider_id: string; status: string }) => {
    if (!isBankTransferProvider(session.provider_id)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Payment session ${session.id} belongs to ${session.provider_id}, not to the bank-transfer provider; capture its payment directly instead.`
      )
    }
    if (!["pending_authorization", "authorized", "captured"].includes(session.status)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Payment session ${session.id} is ${session.status}; only a placed order's bank-transfer session can receive money.`
      )
    }
    return new StepResponse(void 0)
  }
)
