import type { SandboxState } from "../state"
import type { StoredTask, StoredWebForm } from "../model"
import { webFormTimestamp } from "../data/dates"

/** Web Form 2.0 wire shapes (REFERENCE.md §5): timestamps with `+0100`-style offsets. */
export function webFormJson(form: StoredWebForm) {
  return {
    id: form.id,
    url: webFormUrl(form),
    createdAt: webFormTimestamp(form.createdAt),
    expiresAt: webFormTimestamp(form.expiresAt),
    type: form.type,
    status: form.status,
    payload: { bankConnectionId: form.bankConnectionId, errorCode: form.errorCode, errorMessage: form.errorMessage },
  }
}

export function webFormUrl(form: StoredWebForm): string {
  return `${form.baseUrl}/wf/${form.id}`
}

export function taskJson(state: SandboxState, task: StoredTask) {
  const form = task.webFormId ? state.webForms.get(task.webFormId) : undefined
  return {
    id: task.id,
    createdAt: webFormTimestamp(task.createdAt),
    type: "BANK_CONNECTION_UPDATE",
    status: task.status,
    payload: {
      bankConnectionId: task.bankConnectionId,
      webForm: form ? { id: form.id, url: webFormUrl(form), status: form.status } : null,
      errorCode: task.errorCode,
    },
  }
}
