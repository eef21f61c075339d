import { ApiFailure, jsonBody, requireNumericId, sendEmpty, sendJson, unknownEntity, type Exchange } from "../http/exchange"
import { readIdList, readStringList } from "../http/paging"
import { route } from "../http/router"
import { authenticate, userKeyOf } from "../tokens"
import { accountJson } from "../views/access-json"
import type { StoredAccount } from "../model"

/** `/api/v2/accounts`: not paged; filters `ids`, `bankConnectionIds`, `accountTypes` (CamelCase). */
const ACCOUNT_TYPES = ["Checking", "Savings", "CreditCard", "Security", "Loan", "Membership", "Bausparen"]

function ownAccount(ex: Exchange): StoredAccount {
  const id = requireNumericId(ex)
  const account = ex.state.accounts.get(id)
  if (!account || account.userKey !== userKeyOf(ex)) throw unknownEntity("Account", id)
  return account
}

function listAccounts(ex: Exchange): void {
  authenticate(ex, "user")
  const ids = readIdList(ex.query, "ids")
  const connectionIds = readIdList(ex.query, "bankConnectionIds")
  const types = readStringList(ex.query, "accountTypes")
  const unknownType = types?.find((t) => !ACCOUNT_TYPES.includes(t))
  if (unknownType) throw new ApiFailure(400, "BAD_REQUEST", `Unknown account type '${unknownType}'`)
  const search = ex.query.get("search")?.toLowerCase()
  const accounts = ex.state
    .accountsOf(userKeyOf(ex))
    .filter((a) => !ids || ids.includes(a.id))
    .filter((a) => !connectionIds || connectionIds.includes(a.bankConnectionId))
    .filter((a) => !types || types.includes(a.accountType))
    .filter((a) => !search || [a.accountName, a.iban ?? "", a.accountNumber, a.accountHolderName].join(" ").toLowerCase().includes(search))
  sendJson(ex, 200, { accounts: accounts.map((a) => accountJson(ex.state, a)) })
}

function getAccount(ex: Exchange): void {
  authenticate(ex, "user")
  sendJson(ex, 200, accountJson(ex.state, ownAccount(ex)))
}

function editAccount(ex: Exchange): void {
  authenticate(ex, "user")
  const account = ownAccount(ex)
  const body = jsonBody(ex)
  if (typeof body.accountName === "string") account.accountName = body.accountName
  if (typeof body.isNew === "boolean") account.isNew = body.isNew
  if (body.accountType !== undefined) {
    if (body.accountType !== "Checking" && body.accountType !== "Savings") throw new ApiFailure(422, "ILLEGAL_FIELD_VALUE", "Unsupported accountType")
    account.accountType = body.accountType
  }
  sendJson(ex, 200, accountJson(ex.state, account))
}

function deleteAccount(ex: Exchange): void {
  authenticate(ex, "user")
  const account = ownAccount(ex)
  if (ex.state.connections.get(account.bankConnectionId)?.busyUntil != null) {
    throw new ApiFailure(423, "LOCKED", "The bank connection of this account is being updated; try again later.")
  }
  ex.state.deleteAccount(account.id)
  sendEmpty(ex)
}

export const accountRoutes = [
  route("GET", "/api/v2/accounts", listAccounts),
  route("GET", "/api/v2/accounts/:id", getAccount),
  route("PATCH", "/api/v2/accounts/:id", editAccount),
  route("DELETE", "/api/v2/accounts/:id", deleteAccount),
]
