import { MedusaContainer } from "@medusajs/framework/types"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  authorizePaymentSessionStep,
  capturePaymentWorkflow,
  createPaymentSessionStep,
  deletePaymentSessionsWorkflow,
  emitEventStep,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import { BANK_RECONCILIATION_MODULE } from "../modules/bank-reconciliation"
import { SYSTEM_PROVIDER_ID } from "../modules/bank-reconciliation/booking-plan"
import type BankReconciliationModuleService from "../modules/bank-reconciliation/service"
import { authorizeBankTransferPaymentWorkflow } from "./authorize-bank-transfer-payment"
import { acquireAssignmentLocksStep, assignmentLockKeys, releaseAssignmentLocksStep } from "./steps/acquire-assignment-locks"
import { guardPaymentCollectionStep } from "./steps/guard-payment-collection"
import { prepareBookingStep } from "./steps/prepare-booking"
import { recordBookingStep } from "./steps/record-booking"
import { recordBookingFailureStep } from "./steps/record-booking-failure"

export const PAYMENT_BOOKED_EVENT = "bank_reconciliation.payment_booked"
export const bookAssignmentWorkflowId = "book-assignment"

/**
 * Books one confirmed assignment into its order under the payment's and the order's lock: re-reads
 * what is outstanding, then authorizes the bank-transfer session and captures, captures an
 * authorized payment, or settles a not_paid collection; never more than owed. A booked assignment
 * is left alone, so booking twice (or from two workers) captures once.
 */
export const bookAssignmentWorkflow = createWorkflow(bookAssignmentWorkflowId, function (input: { assignment_id: string }) {
  const { data: assignments } = useQueryGraphStep({
    entity: "payment_assignment",
    fields: ["id", "order_id", "transaction_id"],
    filters: { id: input.assignment_id },
    options: { throwIfKeyNotFound: true },
  }).config({ name: "get-assignment-to-book" })
  const keys = transform({ assignments }, ({ assignments }) => assignmentLockKeys(assignments[0].transaction_id, [assignments[0].order_id]))
  const locks = acquireAssignmentLocksStep({ keys })
  const prepared = prepareBookingStep(input)
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
  // sessions to replace) under the lock, and the provider-in-region check applies to open carts only.
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
  const recorded = when("record-new-booking", { plan }, ({ plan }) => !!plan).then(() => {
    const payment = capturePaymentWorkflow.runAsStep({ input: { payment_id: paymentId!, amount: plan!.amount } })
    const booked = recordBookingStep({ assignment_id: prepared.assignment_id, transaction_id: prepared.transaction_id, plan: plan!, payment, before: prepared.before })
    emitEventStep({
      eventName: PAYMENT_BOOKED_EVENT,
      data: transform({ prepared, plan, paymentId, booked }, (d) => ({
        id: d.prepared.assignment_id,
        order_id: d.prepared.order_id,
        transaction_id: d.prepared.transaction_id,
        amount: d.plan!.amount,
        surplus: d.plan!.surplus,
        payment_id: d.paymentId,
        capture_id: d.booked.capture_id,
      })),
    })
    return booked
  })
  releaseAssignmentLocksStep(locks)
  return new WorkflowResponse(
    transform({ prepared, plan, paymentId, recorded }, (d) => ({
      assignment_id: d.prepared.assignment_id,
      order_id: d.prepared.order_id,
      already_booked: d.prepared.already_booked,
      mode: d.plan?.mode ?? null,
      amount: d.plan?.amount ?? null,
      surplus: d.plan?.surplus ?? null,
      payment_id: d.paymentId,
      capture_id: d.recorded?.capture_id ?? null,
    }))
  )
})

export const recordBookingFailureWorkflowId = "record-booking-failure"

/** Stores why an assignment could not be booked, so the booking view shows it. */
export const recordBookingFailureWorkflow = createWorkflow(recordBookingFailureWorkflowId, function (input: { assignment_id: string; reason: string }) {
  recordBookingFailureStep(input)
  return new WorkflowResponse(undefined)
})

export type BookingLineResult = {
  assignment_id: string
  status: "booked" | "failed"
  /** true when it had been booked before this call */
  already_booked?: boolean
  reason?: string
  order_id?: string
  amount?: string | null
  surplus?: string | null
  payment_id?: string | null
  capture_id?: string | null
}

/** How many bookings of one call run side by side; each holds its payment's and order's locks. */
export const BOOKING_CONCURRENCY = 4

/**
 * Books the given assignments, up to BOOKING_CONCURRENCY at a time (each under its payment's and
 * order's locks, in its own workflow run keyed `book:<assignment id>`, so two lines of one order
 * still book one after the other), and reports each line in the order given; a failed line keeps its
 * reason on the assignment.
 */
export async function bookAssignments(container: MedusaContainer, assignmentIds: string[]): Promise<BookingLineResult[]> {
  const ids = [...new Set(assignmentIds)]
  const byId = new Map<string, BookingLineResult>()
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(BOOKING_CONCURRENCY, ids.length) }, async () => {
      while (next < ids.length) {
        const id = ids[next++]
        byId.set(id, await bookOne(container, id))
      }
    })
  )
  return assignmentIds.map((id) => byId.get(id)!)
}

async function bookOne(container: MedusaContainer, id: string): Promise<BookingLineResult> {
  const { result, errors } = await bookAssignmentWorkflow(container).run({
    input: { assignment_id: id },
    context: { transactionId: `book:${id}` },
    throwOnError: false,
  })
  if (!errors?.length && result) {
    return { ...result, status: "booked" }
  }
  // another worker may have run the same booking at the same moment: the stored state decides
  const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
  const [stored] = await service.listPaymentAssignments({ id }, { select: ["id", "order_id", "status", "amount", "payment_id", "capture_id"] })
  if (stored?.status === "booked") {
    return { assignment_id: id, status: "booked", already_booked: true, order_id: stored.order_id, payment_id: stored.payment_id, capture_id: stored.capture_id }
  }
  const reason = errors?.[0]?.error?.message ?? "Booking did not finish; try again."
  if (stored) {
    await recordBookingFailureWorkflow(container).run({ input: { assignment_id: id, reason } })
  }
  return { assignment_id: id, status: "failed", reason }
}
