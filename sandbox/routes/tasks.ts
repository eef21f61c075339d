import { ApiFailure, sendJson, type Exchange } from "../http/exchange"
import { baseUrlOf, requireCallbackUrl } from "../http/base-url"
import { pageOf, pagingJson, readPaging } from "../http/paging"
import { route } from "../http/router"
import { parseBody } from "../http/validate-body"
import { authenticate, userKeyOf } from "../tokens"
import { createTask, isTaskRunning } from "../background-update"
import { taskJson } from "../views/web-form-json"
import { BackgroundUpdateBody } from "../http/request-schemas"

/** Web Form 2.0 `/api/tasks`: background updates of a bank connection (REFERENCE.md §5.4). */
function createBackgroundUpdate(ex: Exchange): void {
  const token = authenticate(ex, "user")
  const body = parseBody(ex, BackgroundUpdateBody)
  requireCallbackUrl("callbacks.finalised", body.callbacks?.finalised)
  requireCallbackUrl("callbacks.webFormRequired", body.callbacks?.webFormRequired)
  if (body.redirectUrl != null && !ex.state.settings.licensed) {
    throw new ApiFailure(422, "INVALID_REDIRECT_URL", "redirectUrl is only allowed for licensed mandators.")
  }
  const connection = ex.state.connections.get(body.bankConnectionId)
  if (!connection || connection.userKey !== userKeyOf(ex)) throw new ApiFailure(404, "NOT_FOUND", `Bank connection ${body.bankConnectionId} not found`)
  const running = [...ex.state.tasks.values()].some((t) => t.bankConnectionId === connection.id && isTaskRunning(t))
  if (running || connection.busyUntil !== null) {
    throw new ApiFailure(423, "LOCKED", "Bank connection cannot get updated at the moment as it is currently being imported or updated.")
  }
  const task = createTask(ex.state, connection, { accessToken: token.token, baseUrl: baseUrlOf(ex) }, {
    finalised: body.callbacks?.finalised ?? null,
    webFormRequired: body.callbacks?.webFormRequired ?? null,
  })
  sendJson(ex, 201, taskJson(ex.state, task))
}

function getTask(ex: Exchange): void {
  authenticate(ex, "user")
  const task = ex.state.tasks.get(ex.params.id)
  if (!task || task.userKey !== userKeyOf(ex)) throw new ApiFailure(404, "NOT_FOUND", `Task ${ex.params.id} not found`)
  sendJson(ex, 200, taskJson(ex.state, task))
}

function listTasks(ex: Exchange): void {
  authenticate(ex, "user")
  const paging = readPaging(ex.query)
  const tasks = [...ex.state.tasks.values()].filter((t) => t.userKey === userKeyOf(ex))
  sendJson(ex, 200, { items: pageOf(tasks, paging).map((t) => taskJson(ex.state, t)), paging: pagingJson(paging, tasks.length) })
}

export const taskRoutes = [
  route("POST", "/api/tasks/backgroundUpdate", createBackgroundUpdate),
  route("GET", "/api/tasks", listTasks),
  route("GET", "/api/tasks/:id", getTask),
]
