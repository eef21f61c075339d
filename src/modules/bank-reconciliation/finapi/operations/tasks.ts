import { FinapiUserCredentials } from "../client-config"
import { FinapiError, FinapiWebFormRequiredError } from "../finapi-errors"
import { BackgroundUpdateRequest, FINAL_TASK_STATUSES, Task, TaskSchema } from "../schemas/task"
import { CallContext } from "./call-context"
import { WEB_FORM_LIFETIME_MS } from "./web-forms"

/** Starts a background update of a bank connection (Web Form 2.0 task API); 423 if one is running. */
export function startBackgroundUpdate(
  ctx: CallContext,
  user: FinapiUserCredentials,
  request: BackgroundUpdateRequest
): Promise<Task> {
  // the task may open a web form with this token, which must outlive it
  return ctx.tokens.withUserTokenValidFor(user, WEB_FORM_LIFETIME_MS + 60_000, (token) =>
    ctx.transport.call({
      operation: "startBackgroundUpdate",
      api: "webForm",
      method: "POST",
      path: "/api/tasks/backgroundUpdate",
      json: request,
      token,
      schema: TaskSchema,
    })
  )
}

/** Reads a task; `WEB_FORM_REQUIRED` tasks carry `payload.webForm.url` for the user. */
export function getTask(ctx: CallContext, user: FinapiUserCredentials, id: string): Promise<Task> {
  return ctx.tokens.withUserToken(user, (token) =>
    ctx.transport.call({
      operation: "getTask",
      api: "webForm",
      method: "GET",
      path: `/api/tasks/${encodeURIComponent(id)}`,
      token,
      schema: TaskSchema,
    })
  )
}

/** finAPI asks for task polling "every couple of seconds, at most once a second". */
export const MIN_TASK_POLL_INTERVAL_MS = 1_000

export interface WaitForTaskOptions {
  /** Default 2000; anything below MIN_TASK_POLL_INTERVAL_MS is raised to it. */
  pollIntervalMs?: number
  timeoutMs?: number
}

/**
 * Polls a task until it is final. Throws FinapiWebFormRequiredError (with the form URL) when the
 * user must act, and a FinapiError of kind `unavailable` when `timeoutMs` passes first.
 */
export async function waitForTask(
  ctx: CallContext,
  user: FinapiUserCredentials,
  id: string,
  options: WaitForTaskOptions = {}
): Promise<Task> {
  const pollIntervalMs = Math.max(options.pollIntervalMs ?? 2_000, MIN_TASK_POLL_INTERVAL_MS)
  const deadline = Date.now() + (options.timeoutMs ?? 120_000)
  for (;;) {
    const task = await getTask(ctx, user, id)
    if (task.status === "WEB_FORM_REQUIRED" && task.payload?.webForm) {
      throw new FinapiWebFormRequiredError({
        operation: "waitForTask",
        code: "WEB_FORM_REQUIRED",
        webFormId: task.payload.webForm.id,
        webFormUrl: task.payload.webForm.url,
        message: `finAPI task ${id} needs the user to complete web form ${task.payload.webForm.id}`,
      })
    }
    if (FINAL_TASK_STATUSES.includes(task.status)) {
      return task
    }
    if (Date.now() + pollIntervalMs > deadline) {
      throw new FinapiError({
        kind: "unavailable",
        operation: "waitForTask",
        message: `finAPI task ${id} is still ${task.status} after waiting; poll getTask later`,
      })
    }
    await new Promise((resolve) => setTimeout(resolve, pollIntervalMs))
  }
}
