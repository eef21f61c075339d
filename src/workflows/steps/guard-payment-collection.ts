import type { BigNumberInput, IPaymentModuleService, Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { findBookingCaptures } from "./claim-booking"

export const guardPaymentCollectionStepId = "guard-payment-collection"

type SessionState = { id: string; status: string; authorized_at: Date | null; data: Record<string, unknown> }

/** A payment collection as it was before booking touched it: what compensation puts back. */
export type PaymentCollectionState = {
  id: string
  status: string
  authorized_amount: BigNumberInput | null
  captured_amount: BigNumberInput | null
  sessions: SessionState[]
  payment_ids: string[]
  /** the assignment being booked: once its capture is made, the collection is Medusa's again, never put back */
  assignment_id?: string
}

type CollectionRead = {
  id: string
  status: string
  authorized_amount?: BigNumberInput | null
  captured_amount?: BigNumberInput | null
  payment_sessions?: ({ id: string; status: string; authorized_at?: Date | string | null; data?: Record<string, unknown> | null } | null)[] | null
  payments?: ({ id: string } | null)[] | null
}

/** The state to keep of a collection read (by query.graph) with its sessions and payments. */
export function paymentCollectionState(collection: CollectionRead): PaymentCollectionState {
  return {
    id: collection.id,
    status: collection.status,
    authorized_amount: collection.authorized_amount ?? null,
    captured_amount: collection.captured_amount ?? null,
    sessions: (collection.payment_sessions ?? []).map((s) => ({
      id: s!.id,
      status: s!.status,
      authorized_at: s!.authorized_at ? new Date(s!.authorized_at) : null,
      data: s!.data ?? {},
    })),
    payment_ids: (collection.payments ?? []).map((p) => p!.id),
  }
}

/**
 * The payment module's generated CRUD for payments and sessions (MedusaService creates them for
 * every model; IPaymentModuleService does not declare them). They write rows as given, without
 * calling the provider: what a restore needs.
 */
type PaymentModuleRows = IPaymentModuleService & {
  updatePaymentSessions(data: Array<Omit<SessionState, "authorized_at"> & { authorized_at: Date | null }>): Promise<unknown>
  deletePayments(ids: string[]): Promise<void>
}

/**
 * Keeps a payment collection's state from before booking authorizes a session on it (as
 * planBookingsStep has it from the batch's read under the order's lock); if a later step fails (the capture, say), puts it back
 * as it was. Medusa's own compensations cancel the new payment and delete a new session, but leave
 * the collection `authorized` and a bank-transfer session `authorized` on a canceled payment: the
 * order would look paid-for and a retry could not book. Runs before the booking's payment steps, so
 * its compensation runs after theirs.
 */
export const guardPaymentCollectionStep = createStep(
  guardPaymentCollectionStepId,
  async (state: PaymentCollectionState) => new StepResponse(undefined, state),
  async (state, { container }) => {
    if (!state) {
      return
    }
    if (state.assignment_id && (await findBookingCaptures(container, [state.assignment_id]))[state.assignment_id]) {
      return
    }
    const paymentModule = container.resolve<PaymentModuleRows>(Modules.PAYMENT)
    const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
    const now = await paymentModule.retrievePaymentCollection(state.id, {
      select: ["id"],
      relations: ["payment_sessions", "payments"],
    })
    // payments this booking created and Medusa's compensation canceled never happened for the order
    const created = (now.payments ?? []).filter((p) => !state.payment_ids.includes(p.id))
    const canceled = created.filter((p) => p.canceled_at).map((p) => p.id)
    if (canceled.length) {
      await paymentModule.deletePayments(canceled)
    }
    if (created.length > canceled.length) {
      const live = created.filter((p) => !p.canceled_at).map((p) => p.id)
      logger.warn(`Booking failed; payment collection ${state.id} keeps payments that were not canceled: ${live.join(", ")}`)
    }
    const remaining = new Set((now.payment_sessions ?? []).map((s) => s.id))
    const sessions = state.sessions.filter((s) => remaining.has(s.id))
    if (sessions.length) {
      await paymentModule.updatePaymentSessions(sessions)
    }
    await paymentModule.updatePaymentCollections(state.id, {
      status: state.status,
      authorized_amount: state.authorized_amount,
      captured_amount: state.captured_amount,
    } as Parameters<IPaymentModuleService["updatePaymentCollections"]>[1])
  }
)
