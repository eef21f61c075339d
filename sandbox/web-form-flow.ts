import type { SandboxState } from "./state"
import type { StoredTask, StoredWebForm, WebFormStatus } from "./model"
import { importTestBankConnection, renewConsent, runConnectionUpdate } from "./bank-import"
import { postCallback } from "./callbacks"
import { findBank } from "./data/test-banks"
import { isLive } from "./tokens"
import { webFormUrl } from "./views/web-form-json"

/**
 * The web form's life: NOT_YET_OPENED → IN_PROGRESS → COMPLETED | COMPLETED_WITH_ERROR
 * | ABORTED | EXPIRED. Final states fire `callbacks.finalised` once and, for update
 * forms, move the waiting background-update task on.
 */
const FINAL: readonly WebFormStatus[] = ["COMPLETED", "COMPLETED_WITH_ERROR", "ABORTED", "EXPIRED"]

export function isFinal(form: StoredWebForm): boolean {
  return FINAL.includes(form.status)
}

export interface NewWebForm {
  userKey: string
  accessToken: string
  baseUrl: string
  type: StoredWebForm["type"]
  bankId: number | null
  bankConnectionId?: number | null
  accountTypes?: string[] | null
  bankConnectionName?: string | null
  maxDaysForDownload?: number
  finalisedCallback?: string | null
  taskId?: string | null
  /** Licensed mandators may pass it in the body; others append it to the form URL. */
  redirectUrl?: string | null
}

export function createWebForm(state: SandboxState, input: NewWebForm): StoredWebForm {
  const now = state.now()
  const form: StoredWebForm = {
    id: state.newUuid(),
    baseUrl: input.baseUrl,
    userKey: input.userKey,
    accessToken: input.accessToken,
    type: input.type,
    status: "NOT_YET_OPENED",
    createdAt: now,
    expiresAt: now + state.settings.webFormLifetimeMs,
    bankConnectionId: input.bankConnectionId ?? null,
    errorCode: null,
    errorMessage: null,
    finalisedCallback: input.finalisedCallback ?? null,
    taskId: input.taskId ?? null,
    request: {
      bankId: input.bankId,
      accountTypes: input.accountTypes ?? null,
      bankConnectionName: input.bankConnectionName ?? null,
      maxDaysForDownload: input.maxDaysForDownload ?? 0,
    },
    step: input.bankId === null ? "bank" : "login",
    session: { bankId: input.bankId, loginName: null, savePin: false, selectableAccountSlots: [], notice: null },
    redirects: { redirectUrl: input.redirectUrl ?? null, errorRedirectUrl: null, abortRedirectUrl: null },
  }
  state.webForms.set(form.id, form)
  return form
}

/** Opening the URL: the form is IN_PROGRESS from now on; redirect targets come from the URL's query. */
export function openWebForm(form: StoredWebForm, query: URLSearchParams): void {
  if (form.status !== "NOT_YET_OPENED") return
  form.status = "IN_PROGRESS"
  form.redirects = {
    redirectUrl: query.get("redirectUrl") ?? form.redirects.redirectUrl,
    errorRedirectUrl: query.get("errorRedirectUrl"),
    abortRedirectUrl: query.get("abortRedirectUrl"),
  }
}

export function finishWebForm(state: SandboxState, form: StoredWebForm, status: WebFormStatus, errorCode: string | null = null, errorMessage: string | null = null): void {
  if (isFinal(form)) return
  form.status = status
  form.step = "done"
  form.errorCode = errorCode
  form.errorMessage = errorMessage
  postCallback(state, form.finalisedCallback, { webFormId: form.id, status })
  const task = form.taskId ? state.tasks.get(form.taskId) : undefined
  if (task) continueTaskAfterForm(state, task, form)
}

/**
 * The person pressed "finish": build the connection (import) or renew consent and
 * update (update form). Fails with INVALID_TOKEN if the creating user token died midway.
 */
export function completeWebForm(state: SandboxState, form: StoredWebForm, accountSlots: number[]): void {
  const token = state.tokens.get(form.accessToken)
  if (!token || !isLive(token, state.now())) {
    finishWebForm(state, form, "COMPLETED_WITH_ERROR", "INVALID_TOKEN", "The access token expired or became invalid during the web form flow.")
    return
  }
  if (form.type === "BANK_CONNECTION_UPDATE") {
    const connection = form.bankConnectionId === null ? undefined : state.connections.get(form.bankConnectionId)
    if (connection) {
      renewConsent(state, connection, form.session.savePin)
      runConnectionUpdate(state, connection, "manual")
    }
    finishWebForm(state, form, "COMPLETED")
    return
  }
  const bankId = form.session.bankId as number
  const duplicate = state.connectionsOf(form.userKey).find((c) => c.bankId === bankId && c.loginName === form.session.loginName)
  if (duplicate) {
    finishWebForm(state, form, "COMPLETED_WITH_ERROR", "ENTITY_EXISTS", `A bank connection to ${findBank(bankId)?.name} with these credentials already exists (id ${duplicate.id}).`)
    return
  }
  if (accountSlots.length === 0) {
    finishWebForm(state, form, "COMPLETED_WITH_ERROR", "NO_ACCOUNTS_FOR_TYPE_LIST", "No account of the requested types was selected.")
    return
  }
  const connection = importTestBankConnection(state, {
    userKey: form.userKey,
    bankId,
    loginName: form.session.loginName ?? "demo",
    pinSaved: form.session.savePin,
    accountSlots,
    name: form.request.bankConnectionName,
    maxDaysForDownload: form.request.maxDaysForDownload,
  })
  form.bankConnectionId = connection.id
  finishWebForm(state, form, "COMPLETED")
}

/** Accounts of the bank the form may offer, given the requested UPPER_SNAKE account types. */
export function offeredAccountSlots(form: StoredWebForm): number[] {
  const bank = form.session.bankId === null ? undefined : findBank(form.session.bankId)
  const wanted = form.request.accountTypes
  return (bank?.accounts ?? []).filter((a) => !wanted || wanted.includes(a.accountType.toUpperCase())).map((a) => a.slot)
}

/** Twenty minutes after creation an unfinished form is EXPIRED (checked by the ticker). */
export function expireDueWebForms(state: SandboxState): void {
  const now = state.now()
  for (const form of state.webForms.values()) {
    if (!isFinal(form) && form.expiresAt <= now) finishWebForm(state, form, "EXPIRED")
  }
}

function continueTaskAfterForm(state: SandboxState, task: StoredTask, form: StoredWebForm): void {
  if (form.status === "COMPLETED") {
    task.status = "IN_PROGRESS"
    task.nextStepAt = state.now() + state.settings.updateDelayMs
    return
  }
  task.status = "COMPLETED_WITH_ERROR"
  task.errorCode = form.errorCode === "INVALID_TOKEN" ? "INVALID_TOKEN" : form.status === "COMPLETED_WITH_ERROR" ? "BANK_SERVER_REJECTION" : null
  postCallback(state, task.callbacks.finalised, { taskId: task.id, status: task.status, webForm: { id: form.id, url: webFormUrl(form), status: form.status } })
}
