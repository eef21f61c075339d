import type { SandboxState } from "./state"
import { accessTimestamp } from "./data/dates"

/**
 * finAPI's callbacks are fire-once, unsigned POSTs whose answer is ignored. The
 * sandbox records every attempt (status or network error) so tests can see them,
 * and keeps the promises so `settled()` can wait for in-flight deliveries.
 */
const inFlight = new WeakMap<SandboxState, Set<Promise<void>>>()

export function postCallback(state: SandboxState, url: string | null, body: unknown): void {
  if (!url) return
  const delivery = { url, body, at: accessTimestamp(state.now()), status: null as number | null, error: null as string | null }
  state.callbackDeliveries.push(delivery)
  const pending = inFlight.get(state) ?? new Set<Promise<void>>()
  inFlight.set(state, pending)
  const promise = fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(5_000),
  })
    .then(async (response) => {
      delivery.status = response.status
      await response.arrayBuffer().catch(() => undefined)
    })
    .catch((error: unknown) => {
      delivery.error = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
    })
    .finally(() => pending.delete(promise))
  pending.add(promise)
}

export async function callbacksSettled(state: SandboxState): Promise<void> {
  const pending = inFlight.get(state)
  while (pending && pending.size > 0) await Promise.all([...pending])
}
