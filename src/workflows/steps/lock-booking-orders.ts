import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { randomUUID } from "crypto"
import { assignmentLockKey } from "../../lib/lock-keys"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import type BankReconciliationModuleService from "../../modules/bank-reconciliation/service"

export const lockBookingOrdersStepId = "lock-booking-orders"

const TTL_SECONDS = 60
/** keys asked for side by side (each is two round trips with the Postgres locking provider) */
const LOCKS_AT_ONCE = 4

export type BookingOrderLocks = {
  /** the lines to book now: one per order whose lock this run holds (and ids not found: the claim refuses them) */
  batch: string[]
  /** further lines of an order in `batch`: booked after it, in a later batch */
  later: string[]
  /** lines whose order another run holds right now: to try again in a moment */
  waiting: string[]
  keys: string[]
  ownerId: string
}

/**
 * Takes the Medusa lock of each order of a batch, under the key every assignment change and the
 * cancellation of an unpaid order take (`assignmentLockKey`), each key tried once: an order another
 * run holds is left for later rather than waited for, so one busy order does not hold up the batch.
 * One line per order goes into the batch: the plan of a second line depends on the first's capture.
 * The locks keep two runs from booking lines of one order side by side (and assignment changes out
 * while a booking reads what the order owes); that a booking happens once rests on the claim, not on
 * them. The payment's key is not taken: everything a booking changes on the payment is checked under
 * its row lock in Postgres. Compensation (and `releaseBookingOrdersStep`) gives the locks back.
 */
export const lockBookingOrdersStep = createStep(
  lockBookingOrdersStepId,
  async (input: { assignment_ids: string[] }, { container }) => {
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    const locking = container.resolve(Modules.LOCKING)
    const ownerId = randomUUID()
    const rows = input.assignment_ids.length
      ? await service.listPaymentAssignments({ id: input.assignment_ids }, { select: ["id", "order_id"], take: null })
      : []
    const orderOf = new Map(rows.map((row) => [row.id, row.order_id]))
    const orders = [...new Set(rows.map((row) => row.order_id))].sort()
    const held = new Set<string>()
    let next = 0
    await Promise.all(
      Array.from({ length: Math.min(LOCKS_AT_ONCE, orders.length) }, async () => {
        while (next < orders.length) {
          const orderId = orders[next++]
          try {
            await locking.acquire(assignmentLockKey(orderId), { ownerId, expire: TTL_SECONDS })
            held.add(orderId)
          } catch {
            // another run holds this order: its lines wait
          }
        }
      })
    )
    const locks: BookingOrderLocks = { batch: [], later: [], waiting: [], keys: [...held].sort().map(assignmentLockKey), ownerId }
    const inBatch = new Set<string>()
    for (const id of input.assignment_ids) {
      const orderId = orderOf.get(id)
      if (orderId === undefined) {
        locks.batch.push(id)
      } else if (!held.has(orderId)) {
        locks.waiting.push(id)
      } else if (inBatch.has(orderId)) {
        locks.later.push(id)
      } else {
        inBatch.add(orderId)
        locks.batch.push(id)
      }
    }
    return new StepResponse(locks, { keys: locks.keys, ownerId })
  },
  async (held, { container }) => {
    if (held) {
      await releaseKeys(container, held)
    }
  }
)

/**
 * Gives a batch's order locks back: all locks of this run's owner id at once (the Postgres provider
 * deletes them in one statement, where `release(keys)` takes two per key). The owner id is this
 * run's own, so nothing another run holds is touched.
 */
async function releaseKeys(container: { resolve<T>(key: string): T }, held: { keys: string[]; ownerId: string }) {
  if (held.keys.length) {
    await container.resolve<{ releaseAll(args: { ownerId: string }): Promise<unknown> }>(Modules.LOCKING).releaseAll({ ownerId: held.ownerId })
  }
}

export const releaseBookingOrdersStepId = "release-booking-orders"

/** Gives back what lockBookingOrdersStep took. */
export const releaseBookingOrdersStep = createStep(releaseBookingOrdersStepId, async (held: { keys: string[]; ownerId: string }, { container }) => {
  await releaseKeys(container, held)
  return new StepResponse(undefined)
})
