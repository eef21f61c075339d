import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { setTimeout as sleep } from "timers/promises"
import { randomUUID } from "crypto"
import { assignmentLockKeys } from "../../lib/lock-keys"

export const acquireAssignmentLocksStepId = "acquire-assignment-locks"

const TIMEOUT_MS = 15_000
const TTL_SECONDS = 60
const RETRY_MS = 100

/**
 * Locks a payment and its orders for one workflow run (keys from `assignmentLockKeys` in lib/lock-keys).
 * Keys are taken one at a time under this run's owner id; when one is busy, those already taken are
 * given back before waiting, so a waiting run never holds half a set. Compensation (and
 * `releaseAssignmentLocksStep`) releases them.
 *
 * Why not core's `acquireLockStep` (@medusajs/core-flows 2.21), which also takes an array of keys, a
 * timeout and a retry interval: it hands the whole array to `locking.acquire` and retries that call, and
 * no locking provider takes an array all or nothing. In-memory and Postgres take the keys in turn and
 * keep those taken before a busy one; Redis takes them all at once and keeps whichever it got. Without
 * an owner id the retry then fails on the run's own keys (all three providers refuse an owner-less key
 * to everyone), so a run that meets one busy order waits out its whole timeout. With a per-run owner
 * id a waiting run holds part of its set, and under Redis two runs can each hold a key the other
 * waits for until both time out. When the timeout ends the step throws with no compensation data, so
 * what it took stays locked for the whole TTL; and the in-memory and Postgres providers throw a plain
 * `Error`, which the admin would get as a 500 instead of this step's 409.
 * Single keys (bank connections, the auto-assign run, an order's payment reference) use core's steps;
 * a booking batch takes its orders' keys with lock-booking-orders (each tried once, never waited for).
 */
export const acquireAssignmentLocksStep = createStep(
  acquireAssignmentLocksStepId,
  async (input: { keys: string[] }, { container }) => {
    const locking = container.resolve(Modules.LOCKING)
    const ownerId = randomUUID()
    const deadline = Date.now() + TIMEOUT_MS
    for (;;) {
      const taken: string[] = []
      try {
        for (const key of input.keys) {
          await locking.acquire(key, { ownerId, expire: TTL_SECONDS })
          taken.push(key)
        }
        return new StepResponse({ keys: input.keys, ownerId }, { keys: input.keys, ownerId })
      } catch {
        if (taken.length) {
          await locking.release(taken, { ownerId })
        }
      }
      if (Date.now() >= deadline) {
        throw new MedusaError(MedusaError.Types.CONFLICT, "Someone else is changing this payment or order right now; try again in a moment.")
      }
      await sleep(RETRY_MS)
    }
  },
  async (held, { container }) => {
    if (held) {
      await container.resolve(Modules.LOCKING).release(held.keys, { ownerId: held.ownerId })
    }
  }
)

export const releaseAssignmentLocksStepId = "release-assignment-locks"

/** Releases what acquireAssignmentLocksStep took. */
export const releaseAssignmentLocksStep = createStep(
  releaseAssignmentLocksStepId,
  async (held: { keys: string[]; ownerId: string }, { container }) => {
    await container.resolve(Modules.LOCKING).release(held.keys, { ownerId: held.ownerId })
    return new StepResponse(undefined)
  }
)
