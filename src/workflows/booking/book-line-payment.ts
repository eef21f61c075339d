import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { authorizePaymentSessionStep, capturePaymentWorkflow, createPaymentSessionStep, deletePaymentSessionsWorkflow } from "@medusajs/medusa/core-flows"
import { SYSTEM_PROVIDER_ID, type BookingPlan } from "../../modules/bank-reconciliation/booking-plan"
import { authorizeBankTransferPaymentWorkflow } from "../checkout/authorize-bank-transfer-payment"
import { bookingCaptureMarker } from "../steps/claim-booking"
import { guardPaymentCollectionStep, type PaymentCollectionState } from "../steps/guard-payment-collection"

export const bookLinePaymentWorkflowId = "book-line-payment"

type Input = { assignment_id: string; plan: BookingPlan; collection_before: PaymentCollectionState }

/**
 * The payment side of one booking line that must authorize before it captures: the waiting
 * bank-transfer session (marked received, authorized), or, for a not_paid collection, a
 * system-provider session for the collection's amount (the steps markPaymentCollectionAsPaid and
 * createPaymentSessionsWorkflow run, without their re-reads: the batch read the collection under the
 * order's lock, and the provider-in-region check applies to open carts only); then Medusa's
 * capturePaymentWorkflow, tagged with the assignment. If anything fails, Medusa's compensations and
 * guardPaymentCollectionStep put the collection back as it was. Runs under the batch's claim.
 */
export const bookLinePaymentWorkflow = createWorkflow(bookLinePaymentWorkflowId, function (input: Input) {
  guardPaymentCollectionStep(input.collection_before)
  const bankTransfer = when("book-bank-transfer-session", { input }, ({ input }) => input.plan.mode === "bank_transfer").then(() => {
    return authorizeBankTransferPaymentWorkflow.runAsStep({ input: transform({ input }, ({ input }) => ({ payment_session_id: input.plan.payment_session_id! })) })
  })
  when("replace-collection-sessions", { input }, ({ input }) => !!input.plan.system_session?.replaces.length).then(() => {
    deletePaymentSessionsWorkflow.runAsStep({ input: transform({ input }, ({ input }) => ({ ids: input.plan.system_session!.replaces })) })
  })
  const systemSession = when("book-on-system-session", { input }, ({ input }) => !!input.plan.system_session).then(() => {
    const session = createPaymentSessionStep(
      transform({ input }, ({ input }) => ({
        payment_collection_id: input.plan.payment_collection_id,
        provider_id: SYSTEM_PROVIDER_ID,
        amount: input.plan.system_session!.amount,
        currency_code: input.plan.system_session!.currency_code,
        data: {},
        context: {},
      }))
    )
    return authorizePaymentSessionStep({ id: session.id, context: {} })
  })
  const capture = transform({ input, bankTransfer, systemSession }, ({ input, bankTransfer, systemSession }) => ({
    payment_id: (bankTransfer?.payment_id ?? systemSession?.id)!,
    amount: input.plan.amount,
    captured_by: bookingCaptureMarker(input.assignment_id),
  }))
  return new WorkflowResponse(capturePaymentWorkflow.runAsStep({ input: capture }))
})
