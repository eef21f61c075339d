import type { Context, DAL } from "@medusajs/framework/types"
import { InjectTransactionManager, MedusaContext } from "@medusajs/framework/utils"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import type { AssignmentBooking, BookedAssignmentBefore, BookingClaimLine, BookingRelease, ClaimedAssignment, RecordedBookings } from "../types"
import { lockingKnex, type Knex } from "./locked-sql"
import { insertPaymentEvents } from "./payment-events"
import { refreshTransactionStatuses } from "./transaction-statuses"

const CLAIMED_ASSIGNMENT_COLUMNS = ["id", "order_id", "transaction_id", "currency_code", "status", "booked_at", "booking_error", "payment_collection_id", "payment_id", "capture_id", "metadata"] as const

function pick<T extends Record<string, unknown>, K extends keyof T>(row: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, row[k]])) as Pick<T, K>
}

/**
 * Booking claims on assignments, a batch at a time: one booking run holds an assignment (`booking`),
 * captures under that claim and records the booking; a run that died leaves a claim the next run
 * takes over. Each operation is one or two statements for the whole batch.
 */
export class BookingClaims {
  constructor(protected readonly baseRepository_: DAL.RepositoryService) {}

  /**
   * Claims the given assignments for one booking run, in one database transaction committed before
   * anything is captured. A row another transaction holds (a run capturing under its claim) is skipped,
   * not waited for: that line is `busy`, like a live claim of another run.
   */
  @InjectTransactionManager()
  async claimAssignmentBookings(
    ids: string[],
    claim: string,
    staleBefore: Date,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<BookingClaimLine[]> {
    const knex = lockingKnex(sharedContext)
    const rows: (ClaimedAssignment & { booking_claimed_at: Date | null })[] = await knex("payment_assignment")
      .select(...CLAIMED_ASSIGNMENT_COLUMNS, "booking_claimed_at", knex.raw("amount::text as amount"))
      .whereIn("id", ids)
      .whereNull("deleted_at")
      .orderBy("id")
      .forUpdate()
      .skipLocked()
    const byId = new Map(rows.map((row) => [row.id, row]))
    const unread = ids.filter((id) => !byId.has(id))
    // rows skipped because another transaction holds them exist; the others do not
    const locked = new Set(unread.length ? (await knex("payment_assignment").select("id").whereIn("id", unread).whereNull("deleted_at")).map((r) => r.id as string) : [])
    const assignment = (row: ClaimedAssignment, status: string): ClaimedAssignment => ({ ...pick(row, CLAIMED_ASSIGNMENT_COLUMNS), amount: row.amount, status })
    const lines: BookingClaimLine[] = ids.map((id) => {
      const row = byId.get(id)
      if (!row) {
        return locked.has(id) ? { id, outcome: "busy" } : { id, outcome: "refused", reason: `Assignment ${id} was not found; reload the list.` }
      }
      if (row.status === "booked") {
        return { id, outcome: "booked", assignment: assignment(row, row.status) }
      }
      const stale = row.status === "booking" && (!row.booking_claimed_at || new Date(row.booking_claimed_at) < staleBefore)
      if (row.status === "booking" && !stale) {
        return { id, outcome: "busy" }
      }
      if (row.status !== "confirmed" && !stale) {
        return { id, outcome: "refused", reason: `This assignment is ${row.status}, not confirmed; confirm it on the incoming payment first, then book it.` }
      }
      return { id, outcome: "claimed", resumed: stale, assignment: assignment(row, "booking") }
    })
    const claimed = lines.filter((line) => line.outcome === "claimed").map((line) => line.id)
    if (claimed.length) {
      const now = new Date()
      await knex("payment_assignment").whereIn("id", claimed).update({ status: "booking", booking_claim: claim, booking_claimed_at: now, updated_at: now })
    }
    return lines
  }

  /**
   * Runs a batch's captures while this run's claim holds its assignments: renews the claims that are
   * still this run's and keeps their rows locked until `capture` is done and committed. A run whose
   * claim went stale and was taken over captures nothing for that line (it is not in `held`); a run
   * taking over waits until the capture is committed, then records it instead of capturing again.
   */
  @InjectTransactionManager()
  async captureUnderBookingClaims<T>(
    ids: string[],
    claim: string,
    capture: (held: string[]) => Promise<T>,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<T> {
    const knex = lockingKnex(sharedContext)
    const now = new Date()
    const held = ids.length
      ? await knex("payment_assignment")
          .whereIn("id", ids)
          .where({ deleted_at: null, status: "booking", booking_claim: claim })
          .update({ booking_claimed_at: now, updated_at: now })
          .returning(["id"])
      : []
    return await capture(held.map((row: { id: string }) => row.id))
  }

  /**
   * Records a batch: the captured lines booked with Medusa's payment and capture ids (while this run's
   * claim holds them), the failed ones given back with their reason, their transactions' booked amounts
   * and statuses, and the audit events, in one database transaction. With no bookings it only gives claims back (a
   * line another run has taken over is left alone).
   */
  @InjectTransactionManager()
  async recordAssignmentBookings(
    claim: string,
    actorId: string | null,
    bookings: AssignmentBooking[],
    releases: BookingRelease[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<RecordedBookings> {
    const knex = lockingKnex(sharedContext)
    const now = new Date()
    const updated: { id: string; transaction_id: string; order_id: string; amount: string }[] = bookings.length
      ? (
          await knex.raw(
            `update payment_assignment a set status = 'booked', booked_at = ?, booking_error = null, booking_claim = null, booking_claimed_at = null,
               payment_collection_id = v.payment_collection_id, payment_id = v.payment_id, capture_id = v.capture_id,
               amount = coalesce(v.amount::numeric, a.amount),
               raw_amount = case when v.amount is null then a.raw_amount else jsonb_build_object('value', v.amount, 'precision', 20) end,
               metadata = v.metadata, updated_at = ?
             from jsonb_to_recordset(?::jsonb) as v(id text, payment_collection_id text, payment_id text, capture_id text, amount text, metadata jsonb)
             where a.id = v.id and a.deleted_at is null and a.status = 'booking' and a.booking_claim = ?
             returning a.id, a.transaction_id, a.order_id, a.amount::text as amount`,
            [now, now, JSON.stringify(bookings.map((b) => ({ ...b, amount: b.amount ?? null }))), claim]
          )
        ).rows
      : []
    await releaseClaims(knex, claim, releases)
    await refreshTransactionStatuses(sharedContext.transactionManager!, [...new Set(updated.map((row) => row.transaction_id))])
    const byId = new Map(bookings.map((b) => [b.id, b]))
    const eventIds = await insertPaymentEvents(
      knex,
      updated.map((row) => ({
        transaction_id: row.transaction_id,
        kind: "booked" as const,
        actor_type: actorId ? ("user" as const) : ("engine" as const),
        actor_id: actorId,
        assignment_id: row.id,
        order_id: row.order_id,
        amount: String(row.amount),
        details: { capture_id: byId.get(row.id)!.capture_id, payment_id: byId.get(row.id)!.payment_id },
      }))
    )
    const recorded = new Set(updated.map((row) => row.id))
    return {
      booked: updated.map((row, i) => ({ id: row.id, transaction_id: row.transaction_id, event_id: eventIds[i] })),
      lost: bookings.filter((b) => !recorded.has(b.id)).map((b) => b.id),
    }
  }

  /**
   * Undoes recordAssignmentBookings for its booked lines: each back to `booking` as it was, but with no
   * live claim (stale at once: the next run records the capture again), the transactions' amounts and
   * statuses recomputed, the audit events removed. Lines given back stay as they were given back.
   */
  @InjectTransactionManager()
  async undoAssignmentBookings(
    previous: BookedAssignmentBefore[],
    transactionIds: string[],
    eventIds: string[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    const knex = lockingKnex(sharedContext)
    if (previous.length) {
      await knex.raw(
        `update payment_assignment a set status = 'booking', booking_claim = null, booking_claimed_at = null, amount = v.amount::numeric,
           raw_amount = jsonb_build_object('value', v.amount, 'precision', 20), booked_at = v.booked_at, booking_error = v.booking_error,
           payment_collection_id = v.payment_collection_id, payment_id = v.payment_id, capture_id = v.capture_id, metadata = v.metadata, updated_at = now()
         from jsonb_to_recordset(?::jsonb) as v(id text, amount text, booked_at timestamptz, booking_error text, payment_collection_id text, payment_id text, capture_id text, metadata jsonb)
         where a.id = v.id and a.status = 'booked'`,
        [JSON.stringify(previous)]
      )
    }
    await refreshTransactionStatuses(sharedContext.transactionManager!, transactionIds)
    if (eventIds.length) {
      await knex("payment_event").whereIn("id", eventIds).delete()
    }
  }
}

/** One statement: uncaptured lines back to `confirmed` (with their reason, if any); captured ones keep the claim's status with no live claim. */
async function releaseClaims(knex: Knex, claim: string, lines: BookingRelease[]): Promise<void> {
  if (!lines.length) {
    return
  }
  await knex.raw(
    `update payment_assignment a set
       status = case when v.captured then a.status else 'confirmed' end,
       booking_claim = case when v.captured then a.booking_claim else null end,
       booking_claimed_at = null,
       booking_error = case when v.captured or v.reason is not null then v.reason else a.booking_error end,
       updated_at = now()
     from jsonb_to_recordset(?::jsonb) as v(id text, captured boolean, reason text)
     where a.id = v.id and a.status = 'booking' and a.booking_claim = ?`,
    [JSON.stringify(lines), claim]
  )
}
