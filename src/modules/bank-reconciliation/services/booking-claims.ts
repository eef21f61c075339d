import type { Context, DAL } from "@medusajs/framework/types"
import { InjectTransactionManager, MedusaContext, MedusaError } from "@medusajs/framework/utils"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import type { AssignmentBooking, BookingClaim, ClaimedAssignment } from "../types"
import { isLockTimeout, lockingKnex, rawAmount } from "./locked-sql"
import { insertPaymentEvents } from "./payment-events"
import { refreshTransactionStatuses } from "./transaction-statuses"

const CLAIMED_ASSIGNMENT_COLUMNS = ["id", "order_id", "transaction_id", "currency_code", "status", "booked_at", "booking_error", "payment_collection_id", "payment_id", "capture_id", "metadata"] as const

function pick<T extends Record<string, unknown>, K extends keyof T>(row: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, row[k]])) as Pick<T, K>
}

/**
 * Booking claims on assignments: one booking run at a time holds an assignment (`booking`), captures
 * under that claim and records the booking; a run that died leaves a claim the next run takes over.
 */
export class BookingClaims {
  constructor(protected readonly baseRepository_: DAL.RepositoryService) {}

  /** Claims an assignment for one booking run; a row another run keeps locked while it captures is `busy`. */
  async claimAssignmentBooking(id: string, claim: string, staleBefore: Date, sharedContext: Context<EntityManager>): Promise<BookingClaim> {
    try {
      return await this.claimAssignmentBooking_(id, claim, staleBefore, sharedContext)
    } catch (error) {
      // the row stays locked while another run captures under its claim (captureUnderBookingClaim)
      if (isLockTimeout(error)) {
        return { outcome: "busy", resumed: false }
      }
      throw error
    }
  }

  @InjectTransactionManager()
  protected async claimAssignmentBooking_(
    id: string,
    claim: string,
    staleBefore: Date,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<BookingClaim> {
    const knex = lockingKnex(sharedContext)
    await knex.raw("set local lock_timeout = '10s'")
    const [row] = await knex("payment_assignment")
      .select(...CLAIMED_ASSIGNMENT_COLUMNS, "booking_claim", "booking_claimed_at", knex.raw("amount::text as amount"))
      .where({ id, deleted_at: null })
      .forUpdate()
    if (!row) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Assignment ${id} was not found; reload the list.`)
    }
    const assignment = (status: string): ClaimedAssignment => ({ ...pick(row, CLAIMED_ASSIGNMENT_COLUMNS), amount: row.amount, status } as ClaimedAssignment)
    if (row.status === "booked") {
      return { outcome: "booked", resumed: false, assignment: assignment(row.status) }
    }
    const stale = row.status === "booking" && (!row.booking_claimed_at || new Date(row.booking_claimed_at) < staleBefore)
    if (row.status === "booking" && !stale) {
      return { outcome: "busy", resumed: false }
    }
    if (row.status !== "confirmed" && !stale) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `This assignment is ${row.status}, not confirmed; confirm it on the incoming payment first, then book it.`)
    }
    await knex("payment_assignment")
      .where({ id, status: row.status })
      .update({ status: "booking", booking_claim: claim, booking_claimed_at: new Date(), updated_at: new Date() })
    return { outcome: "claimed", resumed: stale, assignment: assignment("booking") }
  }

  @InjectTransactionManager()
  async captureUnderBookingClaim<T>(
    id: string,
    claim: string,
    capture: () => Promise<T>,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<T> {
    const knex = lockingKnex(sharedContext)
    const now = new Date()
    const held = await knex("payment_assignment")
      .where({ id, deleted_at: null, status: "booking", booking_claim: claim })
      .update({ booking_claimed_at: now, updated_at: now })
      .returning(["id"])
    if (!held.length) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Assignment ${id} was taken over by another booking run (this run's claim had gone stale); this run captured nothing. Reload the list.`
      )
    }
    return await capture()
  }

  async releaseAssignmentClaim(
    id: string,
    claim: string,
    outcome: { captured: boolean; reason?: string },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    const update = outcome.captured
      ? { booking_claimed_at: null, booking_error: outcome.reason ?? null }
      : { status: "confirmed", booking_claim: null, booking_claimed_at: null }
    await sharedContext.manager!.getKnex()("payment_assignment")
      .where({ id, status: "booking", booking_claim: claim })
      .update({ ...update, updated_at: new Date() })
  }

  @InjectTransactionManager()
  async recordAssignmentBooking(
    booking: AssignmentBooking,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ event_id: string }> {
    const now = new Date()
    const knex = lockingKnex(sharedContext)
    const updated = await knex("payment_assignment")
      .where({ id: booking.id, deleted_at: null, status: "booking", booking_claim: booking.claim })
      .update({
        status: "booked",
        booked_at: now,
        booking_error: null,
        booking_claim: null,
        booking_claimed_at: null,
        payment_collection_id: booking.payment_collection_id,
        payment_id: booking.payment_id,
        capture_id: booking.capture_id,
        ...(booking.amount ? { amount: booking.amount, raw_amount: rawAmount(booking.amount) } : {}),
        metadata: JSON.stringify(booking.metadata),
        updated_at: now,
      })
      .returning(["transaction_id", "order_id", knex.raw("amount::text as amount")])
    if (!updated.length) {
      throw new MedusaError(MedusaError.Types.CONFLICT, `Assignment ${booking.id} is no longer claimed by this booking run; reload the list.`)
    }
    await refreshTransactionStatuses(sharedContext.transactionManager!, [updated[0].transaction_id])
    const [event_id] = await insertPaymentEvents(knex, [
      {
        transaction_id: updated[0].transaction_id,
        kind: "booked",
        actor_type: booking.actor_id ? "user" : "engine",
        actor_id: booking.actor_id ?? null,
        assignment_id: booking.id,
        order_id: updated[0].order_id,
        amount: String(updated[0].amount),
        details: { capture_id: booking.capture_id, payment_id: booking.payment_id },
      },
    ])
    return { event_id }
  }
}
