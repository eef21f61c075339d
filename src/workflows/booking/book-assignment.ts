import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  authorizePaymentSessionStep,
  createPaymentSessionStep,
  deletePaymentSessionsWorkflow,
  addOrderTransactionStep,
  emitEventStep,
} from "@medusajs/medusa/core-flows"
import { SYSTEM_PROVIDER_ID } from "../../modules/bank-reconciliation/booking-plan"
import { authorizeBankTransferPaymentWorkflow } from "../checkout/authorize-bank-transfer-payment"
import { acquireAssignmentLocksStep, bookingLockKeysStep, releaseAssignmentLocksStep } from "../steps/acquire-assignment-locks"
import { captureUnderClaimStep } from "../steps/capture-under-claim"
import { bookingCaptureMarker, claimBookingStep } from "../steps/claim-booking"
import { guardPaymentCollectionStep } from "../steps/guard-payment-collection"
import { prepareBookingStep } from "../steps/prepare-booking"
import { recordBookingStep } from "../steps/record-booking"

export const PAYMENT_BOOKED_EVENT = "bank_reconciliation.payment_booked"
export const bookAssignmentWorkflowId = "book-assignment"

/**
 * Books one confirmed assignment into its order. Exactly once rests on the database: the run first
 * claims the assignment (confirmed → booking, committed on its own); only the claim's holder
 * captures, tagging the capture with the assignment, and records it under the claim (a capture id
 * books one assignment only). A run that does not get the claim captures nothing; a claim left by a
 * run that died is taken over after `booking.staleClaimSeconds`, and its capture, if made, recorded
 * instead of capturing again. The capture itself runs while the claim holds the assignment's row
 * (renewed, locked until the capture is committed): a run whose claim was taken over captures
 * nothing, and one taking over waits for a capture still running and records it. The payment's and the order's locks only keep runs from queueing up
 * on the claim. Re-reads what is outstanding, then authorizes the bank-transfer session and
 * captures, captures an authorized payment of a capturable provider, or settles a not_paid
 * collection; never more than owed.
 */
export const bookAssignmentWorkflow = createWorkflow(bookAssignmentWorkflowId, function (input: { assignment_id: string; actor_id?: string | null }) {
  const keys = bookingLockKeysStep(input)
  const locks = acquireAssignmentLocksStep({ keys })
  const claim = claimBookingStep(input)
  const prepared = prepareBookingStep({ assignment_id: input.assignment_id, claim })
  const plan = transform({ prepared }, ({ prepared }) => prepared.plan)

  // authorizing a session changes the collection; if the capture then fails, this puts it back
  when("guard-collection-to-authorize", { plan }, ({ plan }) => plan?.mode === "bank_transfer" || !!plan?.system_session).then(() => {
    guardPaymentCollectionStep(transform({ prepared }, ({ prepared }) => prepared.collection_before!))
  })
  const bankTransfer = when("book-bank-transfer-session", { plan }, ({ plan }) => plan?.mode === "bank_transfer").then(() => {
    return authorizeBankTransferPaymentWorkflow.runAsStep({ input: { payment_session_id: plan.payment_session_id! } })
  })
  // A not_paid collection gets a system-provider session authorized for its amount, then the capture
  // below. These are the steps markPaymentCollectionAsPaid and createPaymentSessionsWorkflow run,
  // without their re-reads: prepareBookingStep has read the collection (status not_paid, amount,
  // sessions to replace) under the claim, and the provider-in-region check applies to open carts only.
  when("replace-collection-sessions", { plan }, ({ plan }) => !!plan?.system_session?.replaces.length).then(() => {
    deletePaymentSessionsWorkflow.runAsStep({ input: { ids: plan.system_session!.replaces } })
  })
  const systemSession = when("book-on-system-session", { plan }, ({ plan }) => !!plan?.system_session).then(() => {
    const session = createPaymentSessionStep(
      transform({ plan }, ({ plan }) => ({
        payment_collection_id: plan!.payment_collection_id,
        provider_id: SYSTEM_PROVIDER_ID,
        amount: plan!.system_session!.amount,
        currency_code: plan!.system_session!.currency_code,
        data: {},
        context: {},
      }))
    )
    return authorizePaymentSessionStep({ id: session.id, context: {} })
  })
  const paymentId = transform({ plan, bankTransfer, systemSession }, (data) => {
    return data.plan?.payment_id ?? data.bankTransfer?.payment_id ?? data.systemSession?.id ?? null
  })
  const captured = when("capture-for-booking", { plan }, ({ plan }) => !!plan && plan.mode !== "resumed").then(() => {
    return captureUnderClaimStep(
      transform({ prepared, paymentId, plan }, (d) => ({ assignment_id: d.prepared.assignment_id, claim: d.prepared.claim, payment_id: d.paymentId!, amount: d.plan!.amount }))
    )
  })
  // a run that died after capturing: its capture may miss the order transaction that makes paid_total
  when("order-transaction-of-resumed-capture", { prepared }, ({ prepared }) => !!prepared.existing_capture).then(() => {
    addOrderTransactionStep(
      transform({ prepared }, ({ prepared }) => ({
        order_id: prepared.order_id,
        amount: prepared.plan!.amount,
        currency_code: prepared.existing_capture!.currency_code,
        reference: "capture",
        reference_id: prepared.existing_capture!.id,
      }))
    )
  })
  const capture = transform({ input, prepared, captured }, (d) => {
    const marker = bookingCaptureMarker(d.input.assignment_id)
    const made = d.captured?.captures?.find((c) => c.created_by === marker)
    return d.prepared.existing_capture
      ? { payment_id: d.prepared.existing_capture.payment_id, capture_id: d.prepared.existing_capture.id }
      : { payment_id: d.captured?.id ?? null, capture_id: made?.id ?? null }
  })
  const recorded = when("record-new-booking", { plan }, ({ plan }) => !!plan).then(() => {
    const booked = recordBookingStep(
      transform({ input, prepared, capture }, ({ input, prepared, capture }) => ({
        assignment_id: prepared.assignment_id,
        transaction_id: prepared.transaction_id,
        claim: prepared.claim,
        plan: prepared.plan!,
        payment_id: capture.payment_id!,
        capture_id: capture.capture_id,
        before: prepared.before,
        actor_id: input.actor_id ?? null,
      }))
    )
    emitEventStep({
      eventName: PAYMENT_BOOKED_EVENT,
      data: transform({ prepared, plan, capture }, (d) => ({
        id: d.prepared.assignment_id,
        order_id: d.prepared.order_id,
        transaction_id: d.prepared.transaction_id,
        amount: d.plan!.amount,
        surplus: d.plan!.surplus,
        payment_id: d.capture.payment_id,
        capture_id: d.capture.capture_id,
        // known here from the order read under the lock: the notice needs no second read of the order
        paid_in_full: d.prepared.paid_in_full ?? null,
      })),
    })
    return booked
  })
  releaseAssignmentLocksStep(locks)
  return new WorkflowResponse(
    transform({ prepared, plan, capture, recorded }, (d) => ({
      assignment_id: d.prepared.assignment_id,
      order_id: d.prepared.order_id,
      already_booked: d.prepared.already_booked,
      mode: d.plan?.mode ?? null,
      amount: d.plan?.amount ?? null,
      surplus: d.plan?.surplus ?? null,
      payment_id: d.capture.payment_id,
      capture_id: d.recorded?.capture_id ?? null,
    }))
  )
})
