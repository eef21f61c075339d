import type { FinapiUserCredentials } from "./client-config"
import type { FinapiClient } from "./finapi-client"
import { isFinapiError } from "./finapi-errors"
import type { UserMetadata } from "./schemas"

export type BankDataUpdate =
  | { outcome: "ready" }
  | { outcome: "needs_user_action"; message: string }
  /** code: still_updating (finAPI's update did not finish in time) or update_failed (detail: finAPI's reason) */
  | { outcome: "failed"; message: string; code: "update_failed" | "still_updating"; detail?: string }

export interface BankDataUpdateOptions {
  /** How often the connection is read while finAPI updates it (default 1 s; tasks: at most once a second). */
  pollIntervalMs?: number
  timeoutMs: number
  /** Who asked for the update (finAPI requires it for every background update). */
  userMetadata: UserMetadata
}

/**
 * Reading transactions never refreshes them (Gotcha 8): asks finAPI to update the bank connection
 * (a background task, possible only with a saved PIN and a valid consent) and waits until the
 * connection is READY again. An update already running (423) is waited for instead.
 */
export async function updateBankConnectionData(
  client: FinapiClient,
  user: FinapiUserCredentials,
  finapiConnectionId: number,
  options: BankDataUpdateOptions
): Promise<BankDataUpdate> {
  const deadline = Date.now() + options.timeoutMs
  const pollIntervalMs = options.pollIntervalMs ?? 1_000
  try {
    const task = await client.startBackgroundUpdate(user, { bankConnectionId: finapiConnectionId, userMetadata: options.userMetadata })
    const done = await client.waitForTask(user, task.id, { pollIntervalMs, timeoutMs: options.timeoutMs })
    if (done.status !== "COMPLETED") {
      const reason = done.payload?.errorMessage ?? done.payload?.errorCode ?? done.status
      return { outcome: "failed", message: `finAPI could not update the bank connection: ${reason}`, code: "update_failed", detail: String(reason) }
    }
  } catch (error) {
    if (isFinapiError(error, "web-form-required")) {
      return { outcome: "needs_user_action", message: "The bank asks for a new login (SCA). Renew the bank connection in the online-banking settings." }
    }
    if (!isFinapiError(error, "locked")) {
      throw error
    }
  }
  for (;;) {
    const connection = await client.getBankConnection(user, finapiConnectionId)
    if (connection.updateStatus === "READY") {
      return { outcome: "ready" }
    }
    if (Date.now() + pollIntervalMs > deadline) {
      return { outcome: "failed", message: "finAPI is still updating the bank connection. Try again in a few minutes.", code: "still_updating" }
    }
    await new Promise((resolve) => setTimeout(resolve, pollIntervalMs))
  }
}
