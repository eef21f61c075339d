import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { setTimeout as sleep } from "timers/promises"
import { randomUUID } from "crypto"

export const acquireAssignmentLocksStepId = "acquire-assignment-locks"

const TIMEOUT_MS = 15_000
const TTL_SECONDS = 60
const RETRY_MS = 100

/** The lock keys of a payment and its orders, sorted so two runs always take them in the same order. */
export function assignmentLockKeys(transactionId: string, orderIds: string[] = []): string[] {
  return [...new Set([transactionId, ...orderIds])].map((id) => `finapi:assign:${id}`).sort()
}

/**
 * Locks a payment and its orders for one workflow run. Keys are taken one at a time under this
 * run's owner id; when one is busy, those already taken are given back before waiting, so a
 * waiting run never holds half a set. Compensation (and `releaseAssignmentLocksStep`) releases them.
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
