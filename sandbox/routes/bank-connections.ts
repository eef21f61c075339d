import { ApiFailure, jsonBody, requireNumericId, sendEmpty, sendJson, unknownEntity, type Exchange } from "../http/exchange"
import { readIdList } from "../http/paging"
import { route } from "../http/router"
import { authenticate, userKeyOf } from "../tokens"
import { bankConnectionJson } from "../views/access-json"
import type { StoredBankConnection } from "../model"

/** `/api/v2/bankConnections`: read, rename, delete (423 while an update runs). */
export function ownConnection(ex: Exchange, id: number): StoredBankConnection {
  const connection = ex.state.connections.get(id)
  if (!connection || connection.userKey !== userKeyOf(ex)) throw unknownEntity("Bank connection", id)
  return connection
}

function assertNotBusy(connection: StoredBankConnection): void {
  if (connection.busyUntil !== null) {
    throw new ApiFailure(423, "LOCKED", `Bank connection ${connection.id} is currently being imported or updated. Please try again later.`)
  }
}

function listConnections(ex: Exchange): void {
  authenticate(ex, "user")
  const ids = readIdList(ex.query, "ids")
  const connections = ex.state.connectionsOf(userKeyOf(ex)).filter((c) => !ids || ids.includes(c.id))
  sendJson(ex, 200, { connections: connections.map((c) => bankConnectionJson(ex.state, c)) })
}

function getConnection(ex: Exchange): void {
  authenticate(ex, "user")
  sendJson(ex, 200, bankConnectionJson(ex.state, ownConnection(ex, requireNumericId(ex))))
}

function renameConnection(ex: Exchange): void {
  authenticate(ex, "user")
  const connection = ownConnection(ex, requireNumericId(ex))
  const { name } = jsonBody(ex)
  if (name !== undefined && name !== null && (typeof name !== "string" || name.length > 64)) {
    throw new ApiFailure(422, "ILLEGAL_FIELD_VALUE", "name must be a string of at most 64 characters")
  }
  if (typeof name === "string") connection.name = name === "" ? null : name
  sendJson(ex, 200, bankConnectionJson(ex.state, connection))
}

function deleteConnection(ex: Exchange): void {
  authenticate(ex, "user")
  const connection = ownConnection(ex, requireNumericId(ex))
  assertNotBusy(connection)
  ex.state.deleteConnection(connection.id)
  sendEmpty(ex)
}

/** Deletes all or nothing: if one connection is busy, none is deleted. */
function deleteAllConnections(ex: Exchange): void {
  authenticate(ex, "user")
  const connections = ex.state.connectionsOf(userKeyOf(ex))
  connections.forEach(assertNotBusy)
  connections.forEach((c) => ex.state.deleteConnection(c.id))
  sendJson(ex, 200, { identifiers: connections.map((c) => c.id) })
}

function deleteConsent(ex: Exchange): void {
  authenticate(ex, "user")
  const connection = ownConnection(ex, requireNumericId(ex))
  if (!ex.query.get("bankingInterface")) throw new ApiFailure(400, "BAD_REQUEST", "Required request parameter 'bankingInterface' is not present")
  connection.consentExpiresAt = null
  sendEmpty(ex)
}

export const bankConnectionRoutes = [
  route("GET", "/api/v2/bankConnections", listConnections),
  route("DELETE", "/api/v2/bankConnections", deleteAllConnections),
  route("GET", "/api/v2/bankConnections/:id", getConnection),
  route("PATCH", "/api/v2/bankConnections/:id", renameConnection),
  route("DELETE", "/api/v2/bankConnections/:id", deleteConnection),
  route("DELETE", "/api/v2/bankConnections/:id/aisConsent", deleteConsent),
]
