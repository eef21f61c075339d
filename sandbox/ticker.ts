import type { SandboxState } from "./state"
import { advanceTasks } from "./background-update"
import { expireDueWebForms } from "./web-form-flow"

/**
 * Moves time-driven state on: finished downloads become READY, web forms expire,
 * tasks progress. Runs before every request, after a clock jump, and on a timer so
 * callbacks fire even when nobody polls.
 */
export function tick(state: SandboxState): void {
  const now = state.now()
  for (const connection of state.connections.values()) {
    if (connection.busyUntil !== null && connection.busyUntil <= now) connection.busyUntil = null
  }
  expireDueWebForms(state)
  advanceTasks(state)
}
