import type { BigNumberInput as MoneyInput } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import { currencyDigits } from "../../lib/money"
import { bookingAmounts, isRefusal, planBooking, type BookingOrder, type BookingPlan } from "../../modules/bank-reconciliation/booking-plan"
import type BankReconciliationModuleService from "../../modules/bank-reconciliation/service"
import type { ClaimedAssignment } from "../../modules/bank-reconciliation/types"
import { findBookingCapture, type BookingClaimHeld } from "./claim-booking"
import { paymentCollectionState, type PaymentCollectionState } from "./guard-payment-collection"

export const prepareBookingStepId = "prepare-booking"

const ORDER_FIELDS = [
  "id",
  "display_id",
  "currency_code",
  "summary.*",
  "payment_collections.id",
  "payment_collections.status",
  "payment_collections.amount",
  "payment_collections.currency_code",
  "payment_collections.authorized_amount",
  "payment_collections.captured_amount",
  "payment_collections.payment_sessions.id",
  "payment_collections.payment_sessions.provider_id",
  "payment_collections.payment_sessions.status",
  "payment_collections.payment_sessions.amount",
  "payment_collections.payment_sessions.authorized_at",
  "payment_collections.payment_sessions.data",
  "payment_collections.payments.id",
  "payment_collections.payments.provider_id",
  "payment_collections.payments.amount",
  "payment_collections.payments.canceled_at",
  "payment_collections.payments.captures.amount",
]

/** The assignment's booking fields as read under the lock: what recording the booking changes, and compensation puts back. */
export type AssignmentBeforeBooking = Omit<ClaimedAssignment, "order_id" | "transaction_id" | "currency_code" | "amount"> & { amount: unknown }

export type PreparedBooking = {
  assignment_id: string
  order_id: string
  transaction_id: string
  /** the claim this run holds on the assignment */
  claim: string
  /** booked before (by another run or worker): nothing more to do */
  already_booked: boolean
  /** what to capture and how (mode "resumed": record `existing_capture`, capture nothing); null when booked already */
  plan: BookingPlan | null
  /** the capture a run that died made and did not record */
  existing_capture: { id: string; payment_id: string; currency_code: string } | null
  before: AssignmentBeforeBooking
  /** whether the order owes nothing once this booking's capture is made (null: not read, a resumed booking) */
  paid_in_full?: boolean | null
  /** the plan's payment collection as read here, under the claim, for guardPaymentCollectionStep */
  collection_before: PaymentCollectionState | null
}

/**
 * Re-reads the assignment and the order once this run holds the booking claim, and plans the
 * booking. When the claim was taken over from a run that died, first looks for that run's capture:
 * found, it is recorded instead of capturing again. An order that cannot take the money (or is
 * authorized by a provider a transfer must not capture) is refused with what to do. Reads only.
 */
export const prepareBookingStep = createStep(prepareBookingStepId, async (input: { assignment_id: string; claim: BookingClaimHeld }, { container }) => {
  const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
  // read by the claim, under the row's lock; nothing changes a claimed assignment but this run
  const assignment = input.claim.assignment
  const before: AssignmentBeforeBooking = {
    id: assignment.id,
    status: assignment.status,
    amount: assignment.amount,
    booked_at: assignment.booked_at ?? null,
    booking_error: assignment.booking_error ?? null,
    payment_collection_id: assignment.payment_collection_id ?? null,
    payment_id: assignment.payment_id ?? null,
    capture_id: assignment.capture_id ?? null,
    metadata: (assignment.metadata as Record<string, unknown> | null) ?? null,
  }
  const prepared = { assignment_id: assignment.id, order_id: assignment.order_id, transaction_id: assignment.transaction_id as string, claim: input.claim.claim, before, existing_capture: null }
  if (input.claim.already_booked) {
    return new StepResponse<PreparedBooking>({ ...prepared, already_booked: true, plan: null, collection_before: null })
  }
  const amount = assignment.amount
  const capture = input.claim.resumed ? await findBookingCapture(container, assignment.id) : null
  if (capture) {
    const digits = currencyDigits(assignment.currency_code)
    const plan: BookingPlan = {
      mode: "resumed",
      payment_collection_id: capture.payment!.payment_collection_id,
      payment_id: capture.payment!.id,
      payment_session_id: null,
      ...bookingAmounts(amount, amount, capture.amount as unknown as string, digits, capture.amount as unknown as string),
      system_session: null,
    }
    return new StepResponse<PreparedBooking>({
      ...prepared,
      already_booked: false,
      plan,
      existing_capture: { id: capture.id, payment_id: capture.payment!.id, currency_code: capture.payment!.currency_code },
      collection_before: null,
    })
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: assignment.order_id } })
  if (!order) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${assignment.order_id} was not found; remove this assignment and assign the payment again.`)
  }
  const { capturableProviders } = (await service.getOptions()).booking
  const plan = planBooking(order as unknown as BookingOrder, { amount, currency_code: assignment.currency_code }, capturableProviders)
  if (isRefusal(plan)) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, plan.refused)
  }
  const collection = order.payment_collections!.find((c) => c!.id === plan.payment_collection_id)!
  const summary = (order.summary ?? {}) as Record<string, MoneyInput | undefined>
  const pending = summary.raw_pending_difference ?? summary.pending_difference
  return new StepResponse<PreparedBooking>({
    ...prepared,
    already_booked: false,
    plan,
    paid_in_full: pending === undefined ? null : MathBN.lte(MathBN.sub(pending, plan.amount), 0),
    collection_before: { ...paymentCollectionState(collection as Parameters<typeof paymentCollectionState>[0]), assignment_id: assignment.id },
  })
})
