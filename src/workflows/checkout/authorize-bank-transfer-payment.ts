import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { authorizePaymentSessionForOrderWorkflow, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { markBankTransferReceivedStep } from "../steps/mark-bank-transfer-received"
import { validateBankTransferSessionStep } from "../steps/validate-bank-transfer-session"

export const authorizeBankTransferPaymentWorkflowId = "authorize-bank-transfer-payment"

/**
 * Makes a placed order's bank-transfer session a Payment that can be captured: marks it received and
 * authorizes it the first time, returns the existing payment afterwards. Capture comes next
 * (capturePaymentWorkflow with the amount received). Callers lock the order around both.
 */
export const authorizeBankTransferPaymentWorkflow = createWorkflow(
  authorizeBankTransferPaymentWorkflowId,
  function (input: { payment_session_id: string; received_at?: string }) {
    const { data: session } = useQueryGraphStep({
      entity: "payment_session",
      fields: ["id", "provider_id", "status", "payment.id"],
      filters: { id: input.payment_session_id },
      options: { throwIfKeyNotFound: true, isList: false },
    }).config({ name: "get-bank-transfer-session" })
    validateBankTransferSessionStep(session)
    const authorized = when("bank-transfer-awaits-money", { session }, ({ session }) => {
      return session.status === "pending_authorization"
    }).then(() => {
      markBankTransferReceivedStep(input)
      return authorizePaymentSessionForOrderWorkflow.runAsStep({ input: { payment_session_id: input.payment_session_id } })
    })
    const paymentId = transform({ session, authorized }, ({ session, authorized }) => authorized?.id ?? session.payment?.id)
    return new WorkflowResponse({ payment_id: paymentId })
  }
)
