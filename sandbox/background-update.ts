import type { SandboxState } from "./state"
import type { StoredBankConnection, StoredTask } from "./model"
import { canUpdateUnattended, runConnectionUpdate } from "./bank-import"
import { postCallback } from "./callbacks"
import { createWebForm } from "./web-form-flow"
import { taskJson } from "./views/web-form-json"

/**
 * `POST /api/tasks/backgroundUpdate` tasks: NOT_YET_STARTED → IN_PROGRESS → COMPLETED
 * when finAPI may log in alone (PIN saved, consent live, no user action pending),
 * otherwise → WEB_FORM_REQUIRED with an update form the person must complete.
 */
export function isTaskRunning(task: StoredTask): boolean {
  return task.status === "NOT_YET_STARTED" || task.status === "IN_PROGRESS" || task.status === "WEB_FORM_REQUIRED"
}

export function createTask(
  state: SandboxState,
  connection: StoredBankConnection,
  origin: { accessToken: string; baseUrl: string },
  callbacks: StoredTask["callbacks"]
): StoredTask {
  const task: StoredTask = {
    id: state.newUuid(),
    userKey: connection.userKey,
    createdAt: state.now(),
    status: "NOT_YET_STARTED",
    bankConnectionId: connection.id,
    webFormId: null,
    errorCode: null,
    nextStepAt: state.now() + Math.min(state.settings.updateDelayMs, 100),
    accessToken: origin.accessToken,
    baseUrl: origin.baseUrl,
    callbacks,
  }
  state.tasks.set(task.id, task)
  return task
}

export function advanceTasks(state: SandboxState): void {
  for (const task of state.tasks.values()) {
    // A task may take several steps in one tick when updateDelayMs is 0.
    for (let step = 0; step < 3 && advanceTask(state, task); step++);
  }
}

/** Moves one task one step if its time has come; returns whether it moved. */
function advanceTask(state: SandboxState, task: StoredTask): boolean {
  const now = state.now()
  if (task.nextStepAt > now || !isTaskRunning(task)) return false
  const connection = state.connections.get(task.bankConnectionId)
  if (!connection) {
    task.status = "COMPLETED_WITH_ERROR"
    task.errorCode = "INTERNAL_ERROR"
  } else if (task.status === "NOT_YET_STARTED") {
    start(state, task, connection)
    return true
  } else if (task.status === "IN_PROGRESS" && (connection.busyUntil === null || connection.busyUntil <= now)) {
    connection.busyUntil = null
    task.status = "COMPLETED"
  } else {
    return false
  }
  postCallback(state, task.callbacks.finalised, callbackBody(state, task))
  return true
}

function start(state: SandboxState, task: StoredTask, connection: StoredBankConnection): void {
  if (canUpdateUnattended(state, connection)) {
    task.status = "IN_PROGRESS"
    runConnectionUpdate(state, connection, "manual")
    task.nextStepAt = state.now()
    return
  }
  const form = createWebForm(state, {
    userKey: task.userKey,
    accessToken: task.accessToken,
    baseUrl: task.baseUrl,
    type: "BANK_CONNECTION_UPDATE",
    bankId: connection.bankId,
    bankConnectionId: connection.id,
    taskId: task.id,
  })
  task.webFormId = form.id
  task.status = "WEB_FORM_REQUIRED"
  task.nextStepAt = Number.POSITIVE_INFINITY // the form moves it on
  postCallback(state, task.callbacks.webFormRequired, callbackBody(state, task))
}

function callbackBody(state: SandboxState, task: StoredTask) {
  const json = taskJson(state, task)
  return { taskId: task.id, status: task.status, webForm: json.payload.webForm }
}
