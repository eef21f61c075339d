import { ApiFailure, jsonBody, sendEmpty, sendJson, type Exchange } from "../http/exchange"
import { route } from "../http/router"
import { authenticate, userKeyOf } from "../tokens"
import { userJson } from "../views/access-json"
import type { SandboxUser } from "../model"

/** finAPI users: created with the client token, read/edited/deleted with their own user token. */
const USER_ID = /^[0-9A-Za-z\-_.+@]{1,36}$/

function optionalString(body: Record<string, unknown>, field: string, max: number): string | null {
  const value = body[field]
  if (value === undefined || value === null || value === "") return null
  if (typeof value !== "string" || value.length > max) throw new ApiFailure(422, "ILLEGAL_FIELD_VALUE", `Illegal value for '${field}'`)
  return value
}

function createUser(ex: Exchange): void {
  authenticate(ex, "client")
  const body = jsonBody(ex)
  const state = ex.state
  const id = optionalString(body, "id", 36) ?? state.newUuid()
  if (!USER_ID.test(id)) throw new ApiFailure(422, "ILLEGAL_FIELD_VALUE", `Illegal user id '${id}'`)
  const password = optionalString(body, "password", 128) ?? state.newToken().slice(0, 16)
  if (password.length < 6) throw new ApiFailure(422, "ILLEGAL_FIELD_VALUE", "Password must have at least 6 characters")
  const key = id.toLowerCase()
  if (state.users.has(key)) throw new ApiFailure(422, "ENTITY_EXISTS", `A user with id '${id}' already exists.`)
  const user: SandboxUser = {
    id,
    password,
    email: optionalString(body, "email", 320),
    phone: optionalString(body, "phone", 50),
    isAutoUpdateEnabled: body.isAutoUpdateEnabled === true,
    internalId: state.nextUserInternalId(),
  }
  state.users.set(key, user)
  sendJson(ex, 201, userJson(user, true))
}

function currentUser(ex: Exchange): SandboxUser {
  authenticate(ex, "user")
  const user = ex.state.users.get(userKeyOf(ex))
  if (!user) throw new ApiFailure(401, "invalid_token", "Invalid access token", { oauth: true })
  return user
}

function getUser(ex: Exchange): void {
  sendJson(ex, 200, userJson(currentUser(ex), false))
}

function editUser(ex: Exchange): void {
  const user = currentUser(ex)
  const body = jsonBody(ex)
  // `""` clears a field; an absent field stays as it is.
  if ("email" in body) user.email = optionalString(body, "email", 320)
  if ("phone" in body) user.phone = optionalString(body, "phone", 50)
  if (typeof body.isAutoUpdateEnabled === "boolean") user.isAutoUpdateEnabled = body.isAutoUpdateEnabled
  sendJson(ex, 200, userJson(user, false))
}

function deleteUser(ex: Exchange): void {
  const user = currentUser(ex)
  const key = user.id.toLowerCase()
  if (ex.state.connectionsOf(key).some((c) => c.busyUntil !== null)) {
    throw new ApiFailure(423, "LOCKED", "A bank connection of this user is being updated; try again later.")
  }
  ex.state.deleteUser(key)
  sendEmpty(ex)
}

export const userRoutes = [
  route("POST", "/api/v2/users", createUser),
  route("GET", "/api/v2/users", getUser),
  route("PATCH", "/api/v2/users", editUser),
  route("DELETE", "/api/v2/users", deleteUser),
]
